package dev.newsroom.notifier.delivery;

import dev.newsroom.events.notification.NotificationDelivery;

/**
 * A delivery attempt could not be written to the audit trail. The article event is then
 * retried, and finally dead-lettered, rather than left without a record.
 */
class DeliveryNotRecordedException extends RuntimeException {

	DeliveryNotRecordedException(NotificationDelivery delivery, String topic, Throwable cause) {
		super("Delivery " + delivery.getStatus() + " of article " + delivery.getArticleId() + " on "
				+ delivery.getChannel() + " (attempt " + delivery.getAttempt() + ") was not recorded on " + topic + ": "
				+ cause.getMessage(), cause);
	}

}
