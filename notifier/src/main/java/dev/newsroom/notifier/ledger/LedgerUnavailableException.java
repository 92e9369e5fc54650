package dev.newsroom.notifier.ledger;

import dev.newsroom.events.notification.Delivery;

/**
 * A delivery's new state could not be written to the ledger. Nothing is sent to a
 * platform without its "attempting" record, so the delivery waits and is tried again.
 */
public class LedgerUnavailableException extends RuntimeException {

	public LedgerUnavailableException(Delivery delivery, String topic, Throwable cause) {
		super("Delivery " + delivery.getDeliveryId() + " (" + delivery.getState() + ") could not be written to " + topic
				+ ": " + cause.getMessage() + "; is the Kafka cluster reachable?", cause);
	}

}
