package dev.newsroom.notifier.ledger;

import java.util.List;
import java.util.concurrent.CompletableFuture;

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

	/**
	 * Writes several deliveries and returns once the broker has them all.
	 * @param deliveries the deliveries in their new states
	 * @throws LedgerUnavailableException if any was not acknowledged in time
	 */
	default void writeAll(List<Delivery> deliveries) {
		deliveries.forEach(this::write);
	}

	/**
	 * Starts writing a delivery without waiting. Writes to one channel's partition stay
	 * in the order they were started.
	 * @param delivery the delivery in its new state
	 * @return a stage that completes when the broker has it, or exceptionally with a
	 * {@link LedgerUnavailableException}
	 */
	default CompletableFuture<Void> send(Delivery delivery) {
		try {
			write(delivery);
			return CompletableFuture.completedFuture(null);
		}
		catch (LedgerUnavailableException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
