package dev.newsroom.notifier.channels.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsroom.notifier.channels.Announcement;
import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.NotificationChannel;

/**
 * Writes each announcement to the log, so that a newcomer running the pipeline without
 * any platform credentials sees the fan-out.
 */
public class LogChannel implements NotificationChannel {

	private static final Logger logger = LoggerFactory.getLogger(LogChannel.class);

	@Override
	public String kind() {
		return "log";
	}

	@Override
	public String target() {
		return "notifier-log";
	}

	@Override
	public DeliveryReceipt deliver(Announcement announcement) {
		logger.info("Announcing{} [{}] \"{}\" {} (article {} v{})", announcement.breaking() ? " BREAKING" : "",
				announcement.edition(), announcement.title(), announcement.url(), announcement.articleId(),
				announcement.articleVersion());
		return new DeliveryReceipt(null, null);
	}

}
