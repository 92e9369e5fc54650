package dev.newsroom.notifier.channels.x;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An X account's settings: the app's consumer keys and the account's access token, for
 * OAuth 1.0a user context, from the developer portal; all four from the environment,
 * never from a committed file.
 *
 * @param account the account's handle without {@code @}, for post URLs and the ledger
 * @param apiKey the app's API key (consumer key)
 * @param apiKeySecret the app's API key secret
 * @param accessToken the account's access token
 * @param accessTokenSecret the account's access token secret
 * @param apiUrl the API's base URL
 * @param timeout how long one call may take
 */
public record XSettings(@NotBlank String account, @NotBlank String apiKey, @NotBlank String apiKeySecret,
		@NotBlank String accessToken, @NotBlank String accessTokenSecret,
		@NotNull @DefaultValue("https://api.x.com") URI apiUrl, @NotNull @DefaultValue("10s") Duration timeout) {

	@Override
	public String toString() {
		return "XSettings[account=" + this.account + ", keys=(set), apiUrl=" + this.apiUrl + "]";
	}

}
