package dev.newsroom.notifier.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.newsroom.notifier.dispatch.DeliverySettings;
import dev.newsroom.notifier.routing.ChannelSettings;
import dev.newsroom.notifier.routing.RouteSettings;
import dev.newsroom.schemas.TopicDeclaration;
import dev.newsroom.schemas.Topics;
import dev.newsroom.support.kafka.TopicOverrides;

/**
 * Settings of the notifier, under {@code newsroom.notifier}.
 *
 * <p>
 * The topics are declared in {@link Topics}; {@code deliveries-topic} and
 * {@code dead-letter-topic} change only what they name of their topic's declaration, for
 * a deployment.
 *
 * @param articlesTopic the name of the topic of article lifecycle events; the publisher
 * owns it
 * @param deliveriesTopic changes to {@link #deliveries()}
 * @param deadLetterTopic changes to {@link #deadLetters()}
 * @param instanceId this instance's stable id, part of its Kafka transactional id, so
 * that a restarted instance fences its own unfinished transactions at once
 * @param maxEventAge publications older than this are not announced, so that a new
 * consumer group reading the compacted topic from the start does not announce old news
 * @param delivery backoff, expiry and ledger timeouts
 * @param channels the channels, by name
 * @param routes which articles go to which channels; none sends every article to every
 * channel
 */
@Validated
@ConfigurationProperties("newsroom.notifier")
public record NotifierProperties(@NotBlank @DefaultValue(Topics.ARTICLES) String articlesTopic,
		@Valid @NotNull @DefaultValue TopicOverrides deliveriesTopic,
		@Valid @NotNull @DefaultValue TopicOverrides deadLetterTopic, @NotBlank String instanceId,
		@NotNull @DefaultValue("6h") Duration maxEventAge, @Valid @NotNull @DefaultValue DeliverySettings delivery,
		@Valid @NotNull @DefaultValue Map<String, @Valid ChannelSettings> channels,
		@Valid @NotNull @DefaultValue List<@Valid RouteSettings> routes) {

	/**
	 * @return the ledger, a compacted topic the notifier owns
	 */
	public TopicDeclaration deliveries() {
		return this.deliveriesTopic.applyTo(Topics.declaration(Topics.DELIVERIES));
	}

	/**
	 * @return where records the notifier cannot read or handle go, from every topic it
	 * reads
	 */
	public TopicDeclaration deadLetters() {
		return this.deadLetterTopic.applyTo(Topics.declaration(Topics.NOTIFIER_DEAD_LETTERS));
	}

}
