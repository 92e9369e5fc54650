package dev.newsroom.console;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the console finds the services, {@code newsroom.console.*}.
 *
 * @param publisherUrl the publisher: accounts, articles ({@code NEWSROOM_PUBLISHER_URL})
 * @param viewCounterUrl the view counter: views ({@code NEWSROOM_VIEW_COUNTER_URL})
 * @param notifierUrl the notifier: deliveries ({@code NEWSROOM_NOTIFIER_URL})
 * @param siteUrl the public site, as the publisher is configured with it
 * ({@code NEWSROOM_SITE_URL}): where a story not yet saved will be, for its post previews
 * @param timeout how long a call to a service may take before the page says it is
 * unavailable
 */
@Validated
@ConfigurationProperties("newsroom.console")
public record ConsoleSettings(@DefaultValue("http://localhost:8082") @NotNull URI publisherUrl,
		@DefaultValue("http://localhost:8083") @NotNull URI viewCounterUrl,
		@DefaultValue("http://localhost:8084") @NotNull URI notifierUrl,
		@DefaultValue("http://localhost:8080") @NotNull URI siteUrl, @DefaultValue("10s") @NotNull Duration timeout) {

}
