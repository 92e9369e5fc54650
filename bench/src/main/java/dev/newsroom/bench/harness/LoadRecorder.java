package dev.newsroom.bench.harness;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.HdrHistogram.Histogram;

/**
 * Collects the outcomes and latencies of a run's recorded operations, from whichever
 * threads complete them, until the result is taken. Operations that finish after that are
 * ignored, so that the result does not change under its reader.
 */
final class LoadRecorder {

	private static final int SIGNIFICANT_DIGITS = 3;

	private final long recordingStartNanos;

	private final Histogram latenciesMicros = new Histogram(SIGNIFICANT_DIGITS);

	private final Map<String, Long> outcomes = new TreeMap<>();

	private long started;

	private long finished;

	private long answered;

	private long lastAnswerNanos;

	private boolean closed;

	LoadRecorder(long recordingStartNanos) {
		this.recordingStartNanos = recordingStartNanos;
		this.lastAnswerNanos = recordingStartNanos;
	}

	synchronized void started() {
		this.started++;
	}

	synchronized void notSent() {
		count(LoadResult.NOT_SENT);
	}

	/**
	 * Records a finished operation.
	 * @param intendedStartNanos when it was meant to start
	 * @param finishedNanos when it finished
	 * @param outcome its outcome, or {@code null} if it failed
	 * @param failure why it failed, or {@code null}
	 */
	synchronized void finished(long intendedStartNanos, long finishedNanos, String outcome, Throwable failure) {
		if (this.closed) {
			return;
		}
		this.finished++;
		if (failure != null) {
			count(nameOf(unwrap(failure)));
			return;
		}
		this.answered++;
		this.lastAnswerNanos = Math.max(this.lastAnswerNanos, finishedNanos);
		this.latenciesMicros.recordValue(Math.max(0, finishedNanos - intendedStartNanos) / 1_000);
		count(outcome);
	}

	synchronized LoadResult result(LoadPlan plan) {
		this.closed = true;
		Map<String, Long> all = new TreeMap<>(this.outcomes);
		if (this.started > this.finished) {
			all.put(LoadResult.NOT_FINISHED, this.started - this.finished);
		}
		long requests = all.values().stream().mapToLong(Long::longValue).sum();
		long window = Math.max(plan.duration().toNanos(), this.lastAnswerNanos - this.recordingStartNanos);
		return new LoadResult(plan, requests, all, this.latenciesMicros.copy(), this.answered * 1e9 / window);
	}

	private void count(String outcome) {
		this.outcomes.merge(outcome, 1L, Long::sum);
	}

	private static String nameOf(Throwable failure) {
		String simpleName = failure.getClass().getSimpleName();
		return simpleName.isEmpty() ? failure.getClass().getName() : simpleName;
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
