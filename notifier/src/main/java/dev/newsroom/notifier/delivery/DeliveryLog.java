package dev.newsroom.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.newsroom.events.notification.DeliveryStatus;
import dev.newsroom.events.notification.NotificationDelivery;
import dev.newsroom.notifier.channels.Announcement;
import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.NotificationChannel;
import dev.newsroom.support.kafka.Acknowledgements;
import dev.newsroom.support.kafka.Acknowledgements.NotAcknowledgedException;

/**
 * Records each delivery attempt on the notification-deliveries topic, keyed by article
 * id, and waits for the broker's acknowledgement, so that the audit trail is complete
 * before the article event is marked as handled.
 */
@Component
public class DeliveryLog {

	private final KafkaTemplate<String, NotificationDelivery> kafka;

	private final String topic;

	private final Duration timeout;

	private final Clock clock;

	DeliveryLog(KafkaTemplate<String, NotificationDelivery> kafka, DeliveriesTopic topic, Clock clock) {
		this.kafka = kafka;
		this.topic = topic.name();
		this.timeout = topic.sendTimeout();
		this.clock = clock;
	}

	/**
	 * Records a successful attempt.
	 * @param announcement what was announced
	 * @param channel where
	 * @param attempt which attempt, from 1
	 * @param receipt what the platform said
	 */
	public void delivered(Announcement announcement, NotificationChannel channel, int attempt,
			DeliveryReceipt receipt) {
		record(announcement, channel, attempt, DeliveryStatus.DELIVERED, receipt.externalId(), receipt.externalUrl(),
				null);
	}

	/**
	 * Records a failed attempt.
	 * @param announcement what was to be announced
	 * @param channel where
	 * @param attempt which attempt, from 1
	 * @param error why it failed
	 */
	public void failed(Announcement announcement, NotificationChannel channel, int attempt, String error) {
		record(announcement, channel, attempt, DeliveryStatus.FAILED, null, null, error);
	}

	private void record(Announcement announcement, NotificationChannel channel, int attempt, DeliveryStatus status,
			@Nullable String externalId, @Nullable String externalUrl, @Nullable String error) {
		NotificationDelivery delivery = NotificationDelivery.newBuilder()
			.setDeliveryId(UUID.randomUUID().toString())
			.setArticleId(announcement.articleId())
			.setArticleVersion(announcement.articleVersion())
			.setEventId(announcement.eventId())
			.setChannel(channel.kind())
			.setTarget(channel.target())
			.setStatus(status)
			.setAttempt(attempt)
			.setExternalId(externalId)
			.setExternalUrl(externalUrl)
			.setError(error)
			.setOccurredAt(this.clock.instant().truncatedTo(ChronoUnit.MILLIS))
			.build();
		try {
			Acknowledgements.send(() -> this.kafka.send(this.topic, announcement.articleId(), delivery), this.timeout);
		}
		catch (NotAcknowledgedException ex) {
			throw new DeliveryNotRecordedException(delivery, this.topic, ex.getCause());
		}
	}

	/**
	 * The deliveries topic, and how long a record may take to be acknowledged there.
	 *
	 * @param name the topic name
	 * @param sendTimeout how long to wait for the broker
	 */
	public record DeliveriesTopic(String name, Duration sendTimeout) {
	}

}
