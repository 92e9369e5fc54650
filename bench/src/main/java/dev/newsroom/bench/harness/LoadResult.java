package dev.newsroom.bench.harness;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * What a load run measured, after its warm-up.
 *
 * @param plan the load that was offered
 * @param requests how many operations were scheduled while recording
 * @param outcomes how many of them ended in each outcome: an operation's own outcome (for
 * HTTP, the status), the simple name of the exception it failed with, {@link #NOT_SENT}
 * or {@link #NOT_FINISHED}; the counts add up to {@code requests}
 * @param latenciesMicros the latency of every operation that finished with an outcome,
 * from its intended start to its end, in microseconds; the run's own copy
 * @param answersPerSecond operations that finished with an outcome, per second of the
 * recorded duration (or longer, when the last of them finished after it)
 */
public record LoadResult(LoadPlan plan, long requests, Map<String, Long> outcomes, Histogram latenciesMicros,
		double answersPerSecond) {

	/**
	 * Outcome of an operation that was not started because as many as the driver allows
	 * were still running: the system under test did not keep up.
	 */
	public static final String NOT_SENT = "not sent (too many in flight)";

	/** Outcome of an operation that had not finished when the driver stopped waiting. */
	public static final String NOT_FINISHED = "not finished";

	public LoadResult {
		outcomes = Collections.unmodifiableMap(new TreeMap<>(outcomes));
	}

	/**
	 * How many operations ended in an outcome.
	 * @param outcome the outcome, such as {@code "201"}
	 * @return the count, zero when none did
	 */
	public long count(String outcome) {
		return this.outcomes.getOrDefault(outcome, 0L);
	}

}
