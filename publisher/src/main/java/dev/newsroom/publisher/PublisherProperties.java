package dev.newsroom.publisher;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import dev.newsroom.support.kafka.TopicSpec;

/**
 * Settings of the publisher, under {@code newsroom.publisher}.
 *
 * @param siteUrl base URL of the public site; canonical URLs are
 * {@code <siteUrl>/<edition>/<section>/<slug>}
 * @param instanceId this instance's name, unique among the publisher's instances; it
 * prefixes the transactional ids of its writer
 * @param commandTimeout how long a write waits for the article's writer to apply it
 * before it answers 503
 * @param idempotencyRetention how long an {@code Idempotency-Key} is remembered
 * @param maxRequestSize the largest request body accepted, checked before binding
 * @param topics the topics the publisher writes and reads
 */
@Validated
@ConfigurationProperties("newsroom.publisher")
public record PublisherProperties(@NotNull @DefaultValue("http://localhost:8080") URI siteUrl,
		@NotBlank String instanceId, @NotNull @DefaultValue("10s") Duration commandTimeout,
		@NotNull @DefaultValue("24h") Duration idempotencyRetention,
		@NotNull @DefaultValue("1MB") DataSize maxRequestSize, @Valid @NotNull Topics topics) {

	/**
	 * The publisher's topics. The articles, commands and requests topics must have the
	 * same number of partitions: the instance that owns partition {@code p} of the
	 * commands is the single writer of partition {@code p} of the other two.
	 *
	 * @param articles compacted: the latest event per article (public)
	 * @param changes append-only, kept forever: every event (public)
	 * @param commands internal: changes asked for by editors, keyed by article id
	 * @param requests internal, compacted and expiring: the answers remembered per
	 * {@code Idempotency-Key}
	 * @param replies internal, short-lived: the writer's answers to the instance that
	 * took the request
	 * @param deadLetters commands that could not be read, with the reason in headers
	 */
	public record Topics(@Valid @NotNull TopicSpec articles, @Valid @NotNull TopicSpec changes,
			@Valid @NotNull TopicSpec commands, @Valid @NotNull TopicSpec requests, @Valid @NotNull TopicSpec replies,
			@Valid @NotNull TopicSpec deadLetters) {

		@AssertTrue(message = "the articles, commands and requests topics must have the same number of partitions")
		boolean isPartitioningAligned() {
			return this.articles.partitions() == this.commands.partitions()
					&& this.articles.partitions() == this.requests.partitions();
		}

	}

}
