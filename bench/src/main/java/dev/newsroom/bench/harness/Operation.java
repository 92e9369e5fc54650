package dev.newsroom.bench.harness;

import java.util.concurrent.CompletionStage;

/**
 * One operation of a load run, such as an HTTP request. It must not wait for the
 * operation to finish: the driver starts the next one on schedule regardless.
 */
@FunctionalInterface
public interface Operation {

	/**
	 * Starts operation {@code n}.
	 * @param n the operation's number, from 0, unique within a run
	 * @return a stage that completes when the operation has finished, with its outcome
	 * (for HTTP, the status code, such as {@code "201"}), or exceptionally if it failed
	 * without an outcome (for HTTP, no answer); an exception thrown here ends the run,
	 * since it is a mistake in the benchmark rather than a result
	 */
	CompletionStage<String> start(long n);

}
