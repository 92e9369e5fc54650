package dev.newsroom.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.newsroom.bench.harness.BenchmarkException;
import dev.newsroom.bench.harness.BenchmarkOptions;
import dev.newsroom.bench.harness.JvmDescription;
import dev.newsroom.bench.harness.LoadPlan;
import dev.newsroom.bench.harness.LoadReport;
import dev.newsroom.bench.harness.LoadResult;
import dev.newsroom.bench.harness.OpenLoopDriver;
import dev.newsroom.bench.harness.Ticker;

/**
 * Delivery latency: from the moment a publish is due at the publisher's API to the moment
 * the notifier's first delivery of that article arrives, at a fixed publish rate (50/s by
 * default) for a while (60 s, after a 10 s warm-up). The delivery arrives at a local HTTP
 * channel that this benchmark runs itself: a signed-webhook receiver that answers 204 at
 * once, which the notifier must be configured to post to without pacing (see the bench
 * README). Runs against a stack that is already running, such as {@code ./run-local}'s.
 * <p>
 * Options: those of {@link PublishLatencyBenchmark}, with {@code --rate=} 50 by default,
 * and {@code --receiver-port=} (9099). Exits with 0 when every recorded publish was
 * delivered, 1 when some were not (the figures are printed all the same), and 2 when it
 * could not run.
 */
public final class DeliveryLatencyBenchmark {

	static final LoadPlan DEFAULT_PLAN = new LoadPlan(50, Duration.ofSeconds(10), Duration.ofSeconds(60));

	static final String DELIVERED = "delivered";

	private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

	private static final int MAX_IN_FLIGHT = 5_000;

	private DeliveryLatencyBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err)
			throws InterruptedException {
		ExecutorService httpThreads = Executors.newFixedThreadPool(2);
		HttpServer receiver = null;
		try {
			BenchmarkOptions options = BenchmarkOptions.parse(args, "url", "user", "password", "receiver-port",
					LoadPlan.RATE, LoadPlan.DURATION, LoadPlan.WARMUP);
			URI url = options.httpUrl("url", PublishLatencyBenchmark.DEFAULT_URL);
			String user = options.string("user", PublishLatencyBenchmark.DEFAULT_USER);
			String password = options.string("password")
				.or(() -> Optional.ofNullable(environment.get(PublishLatencyBenchmark.PASSWORD_VARIABLE))
					.filter((value) -> !value.isEmpty()))
				.orElseThrow(() -> new BenchmarkException(
						"No password: give --password=… or set " + PublishLatencyBenchmark.PASSWORD_VARIABLE));
			int port = (int) options.positiveNumber("receiver-port", 9099);
			LoadPlan plan = LoadPlan.from(options, DEFAULT_PLAN);
			Map<String, CompletableFuture<String>> awaited = new ConcurrentHashMap<>();
			receiver = receiver(port, awaited);
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(PublisherClient.REQUEST_TIMEOUT)
				.executor(httpThreads)
				.build();
			PublisherClient publisher = PublisherClient.signIn(http, url, user, password);
			out.println("Signed in to " + url + " as " + user + ". Receiving deliveries on http://localhost:" + port
					+ "/bench-hook. Publishing " + plan.describe() + "; " + plan.measuredOperations()
					+ " deliveries will be recorded.");
			LoadResult result = new OpenLoopDriver(Ticker.system(), MAX_IN_FLIGHT, DELIVERY_TIMEOUT.plusSeconds(5))
				.run(plan, (n) -> {
					String slug = publisher.article(n).slug();
					CompletableFuture<String> delivered = new CompletableFuture<String>()
						.orTimeout(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
					awaited.put(slug, delivered);
					return publisher.publish(n)
						.thenCompose((status) -> "201".equals(status) ? delivered
								: CompletableFuture.completedFuture("publish answered " + status))
						.whenComplete((outcome, failure) -> awaited.remove(slug));
				});
			LoadReport.print(out, "Delivery latency: POST " + publisher.articlesUrl() + " to the first delivery",
					result, JvmDescription.current());
			if (result.count(DELIVERED) == result.requests()) {
				return 0;
			}
			out.println("Not every recorded publish was delivered within " + DELIVERY_TIMEOUT.toSeconds()
					+ " s, so these figures are not those of a healthy run. Is the notifier posting to this "
					+ "receiver without pacing? See the bench README.");
			return 1;
		}
		catch (BenchmarkException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		finally {
			if (receiver != null) {
				receiver.stop(0);
			}
			httpThreads.shutdownNow();
		}
	}

	/**
	 * A signed-webhook receiver that completes the delivery awaited for the article whose
	 * URL the event carries, and answers 204. Signatures are not checked: only arrival
	 * times matter here.
	 */
	private static HttpServer receiver(int port, Map<String, CompletableFuture<String>> awaited) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 512);
			server.createContext("/bench-hook", (exchange) -> {
				byte[] body = exchange.getRequestBody().readAllBytes();
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
				String articleUrl;
				try {
					articleUrl = JsonMapper.shared()
						.readTree(new String(body, StandardCharsets.UTF_8))
						.path("data")
						.path("url")
						.asString("");
				}
				catch (JacksonException ex) {
					return;
				}
				String slug = articleUrl.substring(articleUrl.lastIndexOf('/') + 1);
				CompletableFuture<String> delivery = awaited.get(slug);
				if (delivery != null) {
					delivery.complete(DELIVERED);
				}
			});
			server.setExecutor(Executors.newCachedThreadPool());
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new BenchmarkException("Cannot listen on port " + port + " for deliveries (" + ex.getMessage()
					+ "): give another with --receiver-port= and point the notifier's bench channel at it");
		}
	}

}
