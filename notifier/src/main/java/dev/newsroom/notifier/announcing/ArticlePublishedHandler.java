package dev.newsroom.notifier.announcing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.notifier.channels.Announcement;
import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.NotificationChannel;
import dev.newsroom.notifier.config.NotifierProperties;
import dev.newsroom.notifier.delivery.DeliveryLog;

/**
 * Announces every newly published article on every channel. Each channel is tried on its
 * own, with its own retries, so that a channel that is down neither delays the others for
 * long nor makes them post twice; every attempt, good or bad, is recorded in the audit
 * trail. An event handled again (same event id) is not posted again on a channel that
 * took it. Updates and unpublishing are not announced, nor are events older than
 * {@code newsroom.notifier.max-event-age}.
 */
@Component
class ArticlePublishedHandler {

	private static final Logger logger = LoggerFactory.getLogger(ArticlePublishedHandler.class);

	private final List<NotificationChannel> channels;

	private final DeliveryLog deliveries;

	private final NotifierProperties properties;

	private final Clock clock;

	private final PostedAnnouncements posted;

	ArticlePublishedHandler(List<NotificationChannel> channels, DeliveryLog deliveries, NotifierProperties properties,
			Clock clock) {
		this.channels = channels;
		this.deliveries = deliveries;
		this.properties = properties;
		this.clock = clock;
		this.posted = new PostedAnnouncements(properties.delivery().rememberedEvents());
	}

	@KafkaListener(id = "article-announcer", idIsGroup = false, topics = "${newsroom.notifier.articles-topic}")
	void on(ConsumerRecord<String, ArticleEvent> record) {
		ArticleEvent event = record.value();
		if (event == null || event.getType() != ArticleEventType.PUBLISHED) {
			return;
		}
		Duration age = Duration.between(event.getOccurredAt(), this.clock.instant());
		if (age.compareTo(this.properties.maxEventAge()) > 0) {
			logger.info("Not announcing article {}: published {} ago, longer than max-event-age {}",
					event.getArticle().getId(), age, this.properties.maxEventAge());
			return;
		}
		Announcement announcement = Announcement.of(event);
		for (NotificationChannel channel : this.channels) {
			announce(announcement, channel);
		}
	}

	private void announce(Announcement announcement, NotificationChannel channel) {
		Optional<PostedAnnouncements.Posted> earlier = this.posted.find(announcement.eventId(), channel);
		if (earlier.isPresent()) {
			logger.info("Not posting article {} on {} again: event {} was posted already", announcement.articleId(),
					channel.kind(), announcement.eventId());
			if (!earlier.get().recorded()) {
				record(announcement, channel, earlier.get().attempt(), earlier.get().receipt());
			}
			return;
		}
		NotifierProperties.Delivery policy = this.properties.delivery();
		for (int attempt = 1;; attempt++) {
			try {
				DeliveryReceipt receipt = channel.deliver(announcement);
				this.posted.posted(announcement.eventId(), channel, attempt, receipt);
				record(announcement, channel, attempt, receipt);
				return;
			}
			catch (ChannelException ex) {
				this.deliveries.failed(announcement, channel, attempt, ex.getMessage());
				if (!ex.retryable() || attempt >= policy.maxAttempts()) {
					logger.warn("Gave up announcing article {} on {} {} after {} attempt(s): {}",
							announcement.articleId(), channel.kind(), channel.target(), attempt, ex.getMessage());
					return;
				}
				Duration wait = ex.retryAfter().orElse(policy.backoff().multipliedBy(1L << (attempt - 1)));
				wait = (wait.compareTo(policy.maxWait()) > 0) ? policy.maxWait() : wait;
				logger.info("Announcing article {} on {} failed (attempt {}), retrying in {}: {}",
						announcement.articleId(), channel.kind(), attempt, wait, ex.getMessage());
				pause(wait);
			}
		}
	}

	private void record(Announcement announcement, NotificationChannel channel, int attempt, DeliveryReceipt receipt) {
		this.deliveries.delivered(announcement, channel, attempt, receipt);
		this.posted.recorded(announcement.eventId(), channel);
	}

	private static void pause(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to retry a channel", ex);
		}
	}

}
