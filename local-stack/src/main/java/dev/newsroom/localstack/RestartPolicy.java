package dev.newsroom.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When a crashed service is started again, and when the launcher stops trying: the wait
 * doubles from {@code firstBackoff} up to {@code maxBackoff}, and after
 * {@code maxCrashes} crashes within {@code window} the service is given up on.
 *
 * @param maxCrashes how many crashes within the window make the launcher give up (5)
 * @param window the window crashes are counted in (5 minutes)
 * @param firstBackoff the wait before the first restart (1 s)
 * @param maxBackoff the longest wait between restarts (30 s)
 */
record RestartPolicy(int maxCrashes, Duration window, Duration firstBackoff, Duration maxBackoff) {

	static final RestartPolicy DEFAULT = new RestartPolicy(5, Duration.ofMinutes(5), Duration.ofSeconds(1),
			Duration.ofSeconds(30));

	RestartPolicy {
		if (maxCrashes < 1) {
			throw new IllegalArgumentException("maxCrashes must be at least 1, not " + maxCrashes);
		}
		if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
			throw new IllegalArgumentException(
					"Backoff must grow from firstBackoff " + firstBackoff + " to maxBackoff " + maxBackoff);
		}
	}

	/**
	 * @return an empty history of crashes judged by this policy
	 */
	CrashHistory newHistory() {
		return new CrashHistory(this);
	}

	/**
	 * What to do after a crash.
	 *
	 * @param giveUp whether to stop restarting the service
	 * @param backoff how long to wait before the restart, if not given up
	 * @param crashesInWindow how many crashes the window holds, this one included
	 */
	record Decision(boolean giveUp, Duration backoff, int crashesInWindow) {
	}

	/**
	 * The crashes of one service, kept only as long as the window needs them.
	 */
	static final class CrashHistory {

		private final RestartPolicy policy;

		private final Deque<Instant> crashes = new ArrayDeque<>();

		private CrashHistory(RestartPolicy policy) {
			this.policy = policy;
		}

		/**
		 * Records a crash and decides what follows.
		 * @param at when the service exited
		 * @return restart after a backoff, or give up
		 */
		synchronized Decision crashed(Instant at) {
			this.crashes.addLast(at);
			Instant windowStart = at.minus(this.policy.window());
			while (!this.crashes.isEmpty() && this.crashes.peekFirst().isBefore(windowStart)) {
				this.crashes.removeFirst();
			}
			int inWindow = this.crashes.size();
			if (inWindow >= this.policy.maxCrashes()) {
				return new Decision(true, Duration.ZERO, inWindow);
			}
			Duration backoff = this.policy.firstBackoff();
			for (int i = 1; i < inWindow && backoff.compareTo(this.policy.maxBackoff()) < 0; i++) {
				backoff = backoff.multipliedBy(2);
			}
			return new Decision(false, min(backoff, this.policy.maxBackoff()), inWindow);
		}

		private static Duration min(Duration a, Duration b) {
			return (a.compareTo(b) <= 0) ? a : b;
		}

	}

}
