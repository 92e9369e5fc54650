package dev.newsroom.publisher;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import dev.newsroom.schemas.TopicDeclaration;
import dev.newsroom.schemas.TopicDeclaration.Cleanup;
import dev.newsroom.support.kafka.TopicOverrides;

import static dev.newsroom.schemas.Topics.ARTICLES;
import static dev.newsroom.schemas.Topics.ARTICLE_CHANGES;

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
 * @param topics what this deployment changes of the topics the publisher writes and
 * reads; see {@link #declaredTopics()}
 */
@Validated
@ConfigurationProperties("newsroom.publisher")
public record PublisherProperties(@NotNull @DefaultValue("http://localhost:8080") URI siteUrl,
		@NotBlank String instanceId, @NotNull @DefaultValue("10s") Duration commandTimeout,
		@NotNull @DefaultValue("24h") Duration idempotencyRetention,
		@NotNull @DefaultValue("1MB") DataSize maxRequestSize, @Valid @NotNull @DefaultValue TopicSettings topics) {

	/**
	 * @return the publisher's topics, as declared and changed by {@link #topics()}
	 */
	public Topics declaredTopics() {
		return this.topics.declared();
	}

	/**
	 * What this deployment changes of the publisher's topics: each is declared once, the
	 * public ones in {@link dev.newsroom.schemas.Topics} and the internal ones in
	 * {@link Topics}, and only a setting given here differs from its declaration.
	 *
	 * @param articles changes to {@code newsroom.articles}
	 * @param changes changes to {@code newsroom.article-changes}
	 * @param commands changes to {@code newsroom.publisher-commands}
	 * @param requests changes to {@code newsroom.publisher-requests}
	 * @param replies changes to {@code newsroom.publisher-replies}
	 * @param deadLetters changes to {@code newsroom.publisher-commands-dlt}
	 */
	public record TopicSettings(@Valid @NotNull @DefaultValue TopicOverrides articles,
			@Valid @NotNull @DefaultValue TopicOverrides changes, @Valid @NotNull @DefaultValue TopicOverrides commands,
			@Valid @NotNull @DefaultValue TopicOverrides requests, @Valid @NotNull @DefaultValue TopicOverrides replies,
			@Valid @NotNull @DefaultValue TopicOverrides deadLetters) {

		Topics declared() {
			return new Topics(this.articles.applyTo(dev.newsroom.schemas.Topics.declaration(ARTICLES)),
					this.changes.applyTo(dev.newsroom.schemas.Topics.declaration(ARTICLE_CHANGES)),
					this.commands.applyTo(Topics.COMMANDS), this.requests.applyTo(Topics.REQUESTS),
					this.replies.applyTo(Topics.REPLIES), this.deadLetters.applyTo(Topics.DEAD_LETTERS));
		}

		@AssertTrue(message = "the articles, commands and requests topics must have the same number of partitions")
		boolean isPartitioningAligned() {
			Topics topics = declared();
			return topics.articles().partitions() == topics.commands().partitions()
					&& topics.articles().partitions() == topics.requests().partitions();
		}

	}

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
	public record Topics(TopicDeclaration articles, TopicDeclaration changes, TopicDeclaration commands,
			TopicDeclaration requests, TopicDeclaration replies, TopicDeclaration deadLetters) {

		/** Changes asked for by editors, as JSON, kept a day. */
		public static final TopicDeclaration COMMANDS = internal("newsroom.publisher-commands", "article id", 6,
				Cleanup.DELETE, Map.of("retention.ms", "86400000", "max.message.bytes", "2097152"));

		/**
		 * The answers remembered per {@code Idempotency-Key}, as JSON: compacted, and
		 * expired after two days, since keys are remembered for 24 h.
		 */
		public static final TopicDeclaration REQUESTS = internal("newsroom.publisher-requests",
				"editor and Idempotency-Key, a line apart", 6, Cleanup.COMPACT_DELETE,
				Map.of("retention.ms", "172800000"));

		/** The writer's answers, as JSON, kept an hour. */
		public static final TopicDeclaration REPLIES = internal("newsroom.publisher-replies", "correlation id", 6,
				Cleanup.DELETE, Map.of("retention.ms", "3600000"));

		/** Commands that could not be read, as they were. */
		public static final TopicDeclaration DEAD_LETTERS = internal("newsroom.publisher-commands-dlt",
				"the original key", 1, Cleanup.DELETE, Map.of());

		private static TopicDeclaration internal(String name, String key, int partitions, Cleanup cleanup,
				Map<String, String> configs) {
			return new TopicDeclaration(name, key, byte[].class, cleanup, partitions, 2,
					dev.newsroom.schemas.Topics.PUBLISHER, configs);
		}

		/**
		 * @return every topic, in the order above
		 */
		public TopicDeclaration[] all() {
			return new TopicDeclaration[] { this.articles, this.changes, this.commands, this.requests, this.replies,
					this.deadLetters };
		}

	}

}
