package dev.newsroom.notifier.channels.facebook;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Facebook Page's settings.
 *
 * @param pageId the Page's id
 * @param pageAccessToken a Page access token with {@code pages_manage_posts}; from the
 * environment, never from a committed file
 * @param apiUrl the Graph API's base URL, with its version
 * @param timeout how long one call may take
 */
public record FacebookSettings(@NotBlank String pageId, @NotBlank String pageAccessToken,
		@NotNull @DefaultValue("https://graph.facebook.com/v23.0") URI apiUrl,
		@NotNull @DefaultValue("10s") Duration timeout) {

	@Override
	public String toString() {
		return "FacebookSettings[pageId=" + this.pageId + ", pageAccessToken=(set), apiUrl=" + this.apiUrl + "]";
	}

}
