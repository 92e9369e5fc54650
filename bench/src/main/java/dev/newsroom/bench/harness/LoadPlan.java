package dev.newsroom.bench.harness;

import java.time.Duration;

/**
 * How much load a benchmark offers: operations started at a fixed rate for a warm-up,
 * which is not recorded, and then for the measured duration.
 *
 * @param ratePerSecond operations started per second, greater than zero
 * @param warmup how long to run before recording, zero or more
 * @param duration how long to record, greater than zero
 */
public record LoadPlan(double ratePerSecond, Duration warmup, Duration duration) {

	/** The option that sets {@link #ratePerSecond()}. */
	public static final String RATE = "rate";

	/** The option that sets {@link #duration()}, in seconds. */
	public static final String DURATION = "duration";

	/** The option that sets {@link #warmup()}, in seconds. */
	public static final String WARMUP = "warmup";

	public LoadPlan {
		if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
			throw new BenchmarkException(
					"The rate must be a number of operations per second greater than zero, not " + ratePerSecond + ".");
		}
		if (warmup.isNegative()) {
			throw new BenchmarkException("The warm-up must be zero or longer, not " + warmup + ".");
		}
		if (duration.isNegative() || duration.isZero()) {
			throw new BenchmarkException("The measured duration must be longer than zero, not " + duration + ".");
		}
	}

	/**
	 * The plan given by the options {@code --rate}, {@code --duration} and
	 * {@code --warmup}, or by the benchmark's defaults.
	 * @param options the options, which must declare {@link #RATE}, {@link #DURATION} and
	 * {@link #WARMUP}
	 * @param defaults the plan when none of the options is given
	 * @return the plan
	 */
	public static LoadPlan from(BenchmarkOptions options, LoadPlan defaults) {
		return new LoadPlan(options.positiveNumber(RATE, defaults.ratePerSecond()),
				options.seconds(WARMUP, defaults.warmup()), options.seconds(DURATION, defaults.duration()));
	}

	/**
	 * The plan in words, such as {@code 100/s for 60 s, after a warm-up of 10 s (not
	 * recorded)}.
	 * @return the description
	 */
	public String describe() {
		return Figures.number(this.ratePerSecond) + "/s for " + Figures.seconds(this.duration) + ", after a warm-up of "
				+ Figures.seconds(this.warmup) + " (not recorded)";
	}

	/**
	 * How many operations are started while recording.
	 * @return the count
	 */
	public long measuredOperations() {
		OpenLoopSchedule schedule = new OpenLoopSchedule(0, this.ratePerSecond);
		return schedule.countBefore(this.warmup.plus(this.duration).toNanos())
				- schedule.countBefore(this.warmup.toNanos());
	}

}
