package dev.newsroom.bench.harness;

/**
 * The time source of a load run, in nanoseconds on an arbitrary origin. Tests use one
 * that moves only when told, so that a run's schedule can be checked without waiting.
 */
public interface Ticker {

	/**
	 * The current time.
	 * @return nanoseconds since an arbitrary origin, as {@link System#nanoTime()}
	 */
	long nanoTime();

	/**
	 * Waits until a time; returns at once if it has passed.
	 * @param nanoTime the time to wait for
	 * @throws InterruptedException if the thread is interrupted while waiting
	 */
	void parkUntil(long nanoTime) throws InterruptedException;

	/**
	 * The system's monotonic clock.
	 * @return a ticker on {@link System#nanoTime()}
	 */
	static Ticker system() {
		return SystemTicker.INSTANCE;
	}

}
