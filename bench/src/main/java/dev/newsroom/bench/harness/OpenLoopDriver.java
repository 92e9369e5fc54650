package dev.newsroom.bench.harness;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Offers load open-loop: starts operations at the {@link LoadPlan}'s fixed rate whether
 * or not earlier ones have finished, and measures each one's latency from its
 * {@linkplain OpenLoopSchedule intended start}. A run is bounded in count (the plan's
 * rate times its warm-up and duration), in concurrency (operations still running when one
 * is due make it {@linkplain LoadResult#NOT_SENT not sent}) and in time (after the last
 * start, it waits at most the drain timeout for the operations still running).
 */
public final class OpenLoopDriver {

	private final Ticker ticker;

	private final int maxInFlight;

	private final Duration drainTimeout;

	/**
	 * A driver.
	 * @param ticker the time source, {@link Ticker#system()} outside tests
	 * @param maxInFlight how many operations may run at once
	 * @param drainTimeout how long to wait, after the last start, for operations still
	 * running
	 */
	public OpenLoopDriver(Ticker ticker, int maxInFlight, Duration drainTimeout) {
		if (maxInFlight < 1) {
			throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
		}
		this.ticker = ticker;
		this.maxInFlight = maxInFlight;
		this.drainTimeout = drainTimeout;
	}

	/**
	 * Runs the plan on the calling thread, which only starts operations; they finish on
	 * threads of their own.
	 * @param plan the load to offer
	 * @param operation what each request does
	 * @return what was measured after the warm-up
	 * @throws InterruptedException if the calling thread is interrupted
	 */
	public LoadResult run(LoadPlan plan, Operation operation) throws InterruptedException {
		long startNanos = this.ticker.nanoTime();
		OpenLoopSchedule schedule = new OpenLoopSchedule(startNanos, plan.ratePerSecond());
		long firstRecorded = schedule.countBefore(plan.warmup().toNanos());
		long count = schedule.countBefore(plan.warmup().plus(plan.duration()).toNanos());
		LoadRecorder recorder = new LoadRecorder(startNanos + plan.warmup().toNanos());
		Semaphore inFlight = new Semaphore(this.maxInFlight);
		for (long n = 0; n < count; n++) {
			long intendedStart = schedule.intendedStart(n);
			this.ticker.parkUntil(intendedStart);
			boolean recorded = n >= firstRecorded;
			if (!inFlight.tryAcquire()) {
				if (recorded) {
					recorder.notSent();
				}
				continue;
			}
			if (recorded) {
				recorder.started();
			}
			operation.start(n).whenComplete((outcome, failure) -> {
				long finishedNanos = this.ticker.nanoTime();
				if (recorded) {
					recorder.finished(intendedStart, finishedNanos, outcome, failure);
				}
				inFlight.release();
			});
		}
		inFlight.tryAcquire(this.maxInFlight, this.drainTimeout.toNanos(), TimeUnit.NANOSECONDS);
		return recorder.result(plan);
	}

}
