package dev.newsroom.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newsroom.bench.harness.BenchmarkException;
import dev.newsroom.bench.harness.BenchmarkOptions;
import dev.newsroom.bench.harness.JvmDescription;
import dev.newsroom.bench.harness.LoadPlan;
import dev.newsroom.bench.harness.LoadReport;
import dev.newsroom.bench.harness.LoadResult;
import dev.newsroom.bench.harness.OpenLoopDriver;
import dev.newsroom.bench.harness.Ticker;

/**
 * Publish latency: how long {@code POST /api/articles} takes, from the moment a publish
 * is due to its answer, when articles are published at a fixed rate (100/s by default)
 * for a while (60 s, after a 10 s warm-up). Runs against a publisher that is already
 * running, such as the one {@code ./run-local} starts.
 * <p>
 * Options: {@code --url=} (http://localhost:8082), {@code --user=} (admin),
 * {@code --password=} (or the environment variable {@code NEWSROOM_PASSWORD}),
 * {@code --rate=} (publishes per second), {@code --duration=} and {@code --warmup=} (in
 * seconds). Exits with 0 when every recorded publish answered 201, 1 when some did not
 * (the figures are printed all the same), and 2 when it could not run.
 */
public final class PublishLatencyBenchmark {

	static final LoadPlan DEFAULT_PLAN = new LoadPlan(100, Duration.ofSeconds(10), Duration.ofSeconds(60));

	static final String DEFAULT_URL = "http://localhost:8082";

	static final String DEFAULT_USER = "admin";

	static final String PASSWORD_VARIABLE = "NEWSROOM_PASSWORD";

	/**
	 * More in flight than this means the publisher has fallen far behind; stop adding.
	 */
	private static final int MAX_IN_FLIGHT = 1_000;

	private static final Duration DRAIN_TIMEOUT = PublisherClient.REQUEST_TIMEOUT.plusSeconds(5);

	private static final int HTTP_THREADS = 2;

	private PublishLatencyBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err)
			throws InterruptedException {
		ExecutorService httpThreads = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
		try {
			BenchmarkOptions options = BenchmarkOptions.parse(args, "url", "user", "password", LoadPlan.RATE,
					LoadPlan.DURATION, LoadPlan.WARMUP);
			URI url = options.httpUrl("url", DEFAULT_URL);
			String user = options.string("user", DEFAULT_USER);
			String password = options.string("password")
				.or(() -> Optional.ofNullable(environment.get(PASSWORD_VARIABLE)).filter((value) -> !value.isEmpty()))
				.orElseThrow(() -> new BenchmarkException("No password: give --password=… or set " + PASSWORD_VARIABLE
						+ ". ./run-local prints the admin's first password when it starts."));
			LoadPlan plan = LoadPlan.from(options, DEFAULT_PLAN);
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(PublisherClient.REQUEST_TIMEOUT)
				.executor(httpThreads)
				.build();
			PublisherClient publisher = PublisherClient.signIn(http, url, user, password);
			out.println("Signed in to " + url + " as " + user + ". Publishing " + plan.describe() + "; "
					+ plan.measuredOperations() + " publishes will be recorded.");
			LoadResult result = new OpenLoopDriver(Ticker.system(), MAX_IN_FLIGHT, DRAIN_TIMEOUT).run(plan,
					publisher::publish);
			LoadReport.print(out, "Publish latency: POST " + publisher.articlesUrl(), result, JvmDescription.current());
			if (result.count("201") == result.requests()) {
				return 0;
			}
			out.println("Not every recorded publish answered 201, so these figures are not those of a healthy run."
					+ publisher.firstOtherAnswer().map((answer) -> " The first other answer: " + answer).orElse(""));
			return 1;
		}
		catch (BenchmarkException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		finally {
			httpThreads.shutdownNow();
		}
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "bench-http-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
