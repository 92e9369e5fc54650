package dev.newsroom.bench.harness;

/**
 * When each operation of an open-loop run is meant to start: at fixed intervals from the
 * start, whatever happened to the operations before it. Latency is measured from this
 * intended start, not from when the operation was actually sent, so that a stall (in the
 * system under test or in the benchmark itself) counts against every operation it
 * delayed, not only the one that was in progress. This avoids "coordinated omission".
 *
 * @param startNanos the intended start of operation 0, on the {@link Ticker}'s scale
 * @param ratePerSecond operations per second, greater than zero
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond) {

	private static final double NANOS_PER_SECOND = 1e9;

	public OpenLoopSchedule {
		if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
			throw new IllegalArgumentException("ratePerSecond must be greater than zero, not " + ratePerSecond);
		}
	}

	/**
	 * The intended start of an operation. Computed from {@code n} rather than by adding
	 * intervals, so that rounding does not accumulate.
	 * @param n the operation's number, from 0
	 * @return its intended start, on the {@link Ticker}'s scale
	 */
	public long intendedStart(long n) {
		return this.startNanos + Math.round(n * NANOS_PER_SECOND / this.ratePerSecond);
	}

	/**
	 * How many operations are meant to start before an offset from the start.
	 * @param offsetNanos the offset, zero or more
	 * @return the count of operations whose intended start is before it
	 */
	public long countBefore(long offsetNanos) {
		long n = (long) Math.ceil(offsetNanos * this.ratePerSecond / NANOS_PER_SECOND);
		// Correct the estimate by the rounding that intendedStart applies.
		while (n > 0 && intendedStart(n - 1) - this.startNanos >= offsetNanos) {
			n--;
		}
		while (intendedStart(n) - this.startNanos < offsetNanos) {
			n++;
		}
		return n;
	}

}
