package dev.newsroom.publisher.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.newsroom.support.kafka.TopicSpec;

/**
 * Settings of the publisher, under {@code newsroom.publisher}.
 *
 * @param siteUrl base URL of the public site; canonical URLs are
 * {@code <siteUrl>/<edition>/<section>/<slug>}
 * @param sendTimeout how long a publish waits for the broker's acknowledgement before it
 * answers 503
 * @param articlesTopic the compacted topic of article lifecycle events
 */
@Validated
@ConfigurationProperties("newsroom.publisher")
public record PublisherProperties(@NotNull @DefaultValue("http://localhost:8080") URI siteUrl,
		@NotNull @DefaultValue("30s") Duration sendTimeout, @Valid @NotNull TopicSpec articlesTopic) {

}
