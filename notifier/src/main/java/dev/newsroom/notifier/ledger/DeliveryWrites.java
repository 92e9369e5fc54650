package dev.newsroom.notifier.ledger;

import dev.newsroom.events.notification.Delivery;

/**
 * Writes a delivery's new state to the ledger, and returns only once the broker has it.
 */
public interface DeliveryWrites {

	/**
	 * @param delivery the delivery in its new state
	 * @throws LedgerUnavailableException if the broker did not acknowledge it in time
	 */
	void write(Delivery delivery);

}
