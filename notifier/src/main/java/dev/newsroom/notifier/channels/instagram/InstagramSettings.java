package dev.newsroom.notifier.channels.instagram;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An Instagram professional account's settings.
 *
 * @param userId the Instagram user id of the account
 * @param accessToken a token with {@code instagram_content_publish}; from the
 * environment, never from a committed file
 * @param apiUrl the Graph API's base URL, with its version
 * @param timeout how long one call may take
 */
public record InstagramSettings(@NotBlank String userId, @NotBlank String accessToken,
		@NotNull @DefaultValue("https://graph.facebook.com/v23.0") URI apiUrl,
		@NotNull @DefaultValue("30s") Duration timeout) {

	@Override
	public String toString() {
		return "InstagramSettings[userId=" + this.userId + ", accessToken=(set), apiUrl=" + this.apiUrl + "]";
	}

}
