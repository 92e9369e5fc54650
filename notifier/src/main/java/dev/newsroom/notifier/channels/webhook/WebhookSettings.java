package dev.newsroom.notifier.channels.webhook;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A signed webhook's settings.
 *
 * @param url where events are posted
 * @param secret the signing secret, {@code whsec_} followed by base64, as the receiver
 * gave it; from the environment, never from a committed file
 * @param timeout how long one call may take
 */
public record WebhookSettings(@NotNull URI url, @NotBlank @Pattern(regexp = "whsec_[A-Za-z0-9+/=]{16,}",
		message = "must be whsec_ followed by the base64 secret, as Standard Webhooks receivers issue it") String secret,
		@NotNull @DefaultValue("10s") Duration timeout) {

	@Override
	public String toString() {
		return "WebhookSettings[url=" + this.url + ", secret=(set)]";
	}

}
