package dev.newsroom.bench.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * Throughput at saturation: a fixed number of connections, each sending its next request
 * as soon as the previous one is answered, for a while. Two servers given the same load
 * this way can be compared by the answers per second each one managed.
 */
public final class ClosedLoopLoad {

	private ClosedLoopLoad() {
	}

	/**
	 * Runs the load on threads of its own, one per connection, and waits for it to end.
	 * @param host the server's host
	 * @param port its port
	 * @param connections how many connections send at once
	 * @param duration how long they send
	 * @param requests request {@code n}'s bytes, for {@code n} from 0, unique within a
	 * run
	 * @return the answers per status and the time taken
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static Result run(String host, int port, int connections, Duration duration, LongFunction<byte[]> requests)
			throws InterruptedException {
		Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
		LongAdder failures = new LongAdder();
		AtomicLong next = new AtomicLong();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		Thread[] threads = new Thread[connections];
		for (int t = 0; t < connections; t++) {
			threads[t] = new Thread(() -> {
				try (KeepAliveConnection connection = new KeepAliveConnection(host, port)) {
					while (System.nanoTime() < deadline) {
						try {
							int status = connection.send(requests.apply(next.getAndIncrement()));
							statuses.computeIfAbsent(status, (key) -> new LongAdder()).increment();
						}
						catch (IOException ex) {
							failures.increment();
							connection.disconnect();
						}
					}
				}
			}, "load-" + t);
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		Map<Integer, Long> answered = new TreeMap<>();
		statuses.forEach((status, count) -> answered.put(status, count.sum()));
		return new Result(elapsed, answered, failures.sum());
	}

	/**
	 * What a run managed.
	 *
	 * @param elapsed from the first request to the last answer
	 * @param statuses how many answers had each status
	 * @param failures requests that got no answer
	 */
	public record Result(Duration elapsed, Map<Integer, Long> statuses, long failures) {

		/**
		 * @param status a status code
		 * @return answers with that status per second
		 */
		public double perSecond(int status) {
			return this.statuses.getOrDefault(status, 0L) * 1e9 / this.elapsed.toNanos();
		}

		/**
		 * @return the answers per status, as {@code 202: 1234, 429: 5}
		 */
		public String describeStatuses() {
			StringBuilder described = new StringBuilder();
			this.statuses.forEach((status, count) -> described.append(described.isEmpty() ? "" : ", ")
				.append(status)
				.append(": ")
				.append(count));
			return described + ((this.failures > 0) ? ", no answer: " + this.failures : "");
		}

	}

}
