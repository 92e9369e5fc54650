package dev.newsroom.notifier.dispatch;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How patiently deliveries are worked through, under {@code newsroom.notifier.delivery}.
 *
 * @param expireAfter how long an announcement or a correction may wait before it is given
 * up as expired; a channel may set its own. Retractions never expire.
 * @param firstBackoff the wait after a first failure; it doubles with each further one
 * @param maxBackoff the longest wait between two attempts, unless the platform asks for
 * longer
 * @param ledgerTimeout how long writing a delivery's state to the ledger may take
 * @param takeoverTimeout how long an instance that is given a ledger partition waits for
 * its view to catch up before it works the partition's channels
 */
public record DeliverySettings(@NotNull @DefaultValue("24h") Duration expireAfter,
		@NotNull @DefaultValue("1s") Duration firstBackoff, @NotNull @DefaultValue("5m") Duration maxBackoff,
		@NotNull @DefaultValue("10s") Duration ledgerTimeout, @NotNull @DefaultValue("60s") Duration takeoverTimeout) {

	/**
	 * @param attempts the attempts made so far, at least 1
	 * @return how long to wait before the next one
	 */
	public Duration backoff(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration wait = this.firstBackoff.multipliedBy(1L << doublings);
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
