package dev.newsroom.bench.harness;

/**
 * A benchmark cannot run, for example because an option is invalid or signing in failed.
 * The message says what went wrong and how to fix it; benchmarks print it and exit with
 * status 2.
 */
public class BenchmarkException extends RuntimeException {

	public BenchmarkException(String message) {
		super(message);
	}

}
