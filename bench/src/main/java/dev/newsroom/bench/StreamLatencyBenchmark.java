package dev.newsroom.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import dev.newsroom.bench.harness.BenchmarkException;
import dev.newsroom.bench.harness.BenchmarkOptions;
import dev.newsroom.bench.harness.JvmDescription;
import dev.newsroom.bench.harness.LoadPlan;
import dev.newsroom.bench.harness.LoadReport;
import dev.newsroom.bench.harness.LoadResult;
import dev.newsroom.bench.harness.OpenLoopDriver;
import dev.newsroom.bench.harness.Ticker;

/**
 * Event stream latency: from the moment a publish is due at the publisher's API to the
 * moment each of many clients of the feeds' event stream ({@code /v1/stream/articles},
 * 200 clients by default, all connected before the first publish) receives its
 * {@code published} event, at a fixed publish rate (5/s by default) for a while (60 s,
 * after a 10 s warm-up). Every client's every event is one latency; the target is a p99
 * of 100 ms or less. The report also gives, per publish, the time until the last of the
 * clients had it.
 * <p>
 * Options: those of {@link PublishLatencyBenchmark}, with {@code --rate=} 5 by default,
 * {@code --stream-url=} (http://localhost:8085) and {@code --clients=} (200). Exits with
 * 0 when every client got every recorded publish, 1 when not (the figures are printed all
 * the same), and 2 when it could not run.
 */
public final class StreamLatencyBenchmark {

	static final LoadPlan DEFAULT_PLAN = new LoadPlan(5, Duration.ofSeconds(10), Duration.ofSeconds(60));

	static final String EVERY_CLIENT = "received by every client";

	private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);

	private static final Pattern SLUG = Pattern.compile("\"slug\":\"([^\"]+)\"");

	private StreamLatencyBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err)
			throws InterruptedException {
		ExecutorService publishThreads = Executors.newFixedThreadPool(2);
		List<Thread> readers = new ArrayList<>();
		try {
			BenchmarkOptions options = BenchmarkOptions.parse(args, "url", "user", "password", "stream-url", "clients",
					LoadPlan.RATE, LoadPlan.DURATION, LoadPlan.WARMUP);
			URI streamUrl = options.httpUrl("stream-url", "http://localhost:8085");
			int clients = (int) options.positiveNumber("clients", 200);
			LoadPlan plan = LoadPlan.from(options, DEFAULT_PLAN);
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(PublisherClient.REQUEST_TIMEOUT)
				.executor(publishThreads)
				.build();
			PublisherClient publisher = PublisherClient.signIn(options, "url", environment, http);

			Map<String, Awaited> awaited = new ConcurrentHashMap<>();
			Recorder receipts = new Recorder(3);
			LongAdder unexpected = new LongAdder();
			CountDownLatch connected = new CountDownLatch(clients);
			URI stream = URI.create(streamUrl + "/v1/stream/articles?section=" + PublisherClient.SECTION);
			for (int c = 0; c < clients; c++) {
				Thread reader = new Thread(() -> read(stream, connected, awaited, receipts, unexpected),
						"stream-client-" + c);
				reader.setDaemon(true);
				reader.start();
				readers.add(reader);
			}
			if (!connected.await(60, TimeUnit.SECONDS)) {
				throw new BenchmarkException((clients - connected.getCount()) + " of " + clients
						+ " stream clients connected to " + stream + " within 60 s. Is the feeds service up "
						+ "(./run-local starts it), or give its URL with --stream-url=.");
			}
			out.println(clients + " clients are connected to " + stream + ". Publishing " + plan.describe() + "; "
					+ plan.measuredOperations() + " publishes will be recorded.");
			long recordFrom = System.nanoTime() + plan.warmup().toNanos();
			LoadResult result = new OpenLoopDriver(Ticker.system(), 5_000, RECEIPT_TIMEOUT.plusSeconds(5)).run(plan,
					(n) -> {
						String slug = publisher.article(n).slug();
						long due = System.nanoTime();
						Awaited receipt = new Awaited(due, due >= recordFrom, clients);
						awaited.put(slug, receipt);
						return publisher.publish(n)
							.thenCompose((status) -> "201".equals(status) ? receipt.everyClient
									: CompletableFuture.completedFuture("publish answered " + status))
							.whenComplete((outcome, failure) -> awaited.remove(slug));
					});
			Histogram histogram = receipts.getIntervalHistogram();
			out.println("Event stream latency: POST " + publisher.articlesUrl() + " to a client's published event");
			LoadReport.line(out, "clients",
					clients + " connected throughout; " + histogram.getTotalCount()
							+ " events received while recording, " + unexpected.sum() + " not expected (repeats, or "
							+ "other publishes of section " + PublisherClient.SECTION + ")");
			LoadReport.printLatencies(out, "from the publish's due time to one client's receipt", histogram);
			LoadReport.line(out, "target", "p99 100 ms or less");
			LoadReport.print(out, "Per publish: its due time to the last client's receipt", result,
					JvmDescription.current());
			if (result.count(EVERY_CLIENT) == result.requests() && unexpected.sum() == 0) {
				return 0;
			}
			out.println("Not every client got every recorded publish within " + RECEIPT_TIMEOUT.toSeconds()
					+ " s, or some got one twice, so these figures are not those of a healthy run.");
			return 1;
		}
		catch (BenchmarkException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		finally {
			readers.forEach(Thread::interrupt);
			publishThreads.shutdownNow();
		}
	}

	/**
	 * One client: reads the stream line by line and records each published event of a
	 * publish it awaits.
	 */
	private static void read(URI stream, CountDownLatch connected, Map<String, Awaited> awaited, Recorder receipts,
			LongAdder unexpected) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build();
		boolean opened = false;
		Set<String> seen = new HashSet<>();
		try {
			HttpResponse<Stream<String>> response = client.send(request, BodyHandlers.ofLines());
			if (response.statusCode() != 200) {
				return;
			}
			try (Stream<String> lines = response.body()) {
				for (String line : (Iterable<String>) lines::iterator) {
					long now = System.nanoTime();
					if (!opened) {
						opened = true;
						connected.countDown();
					}
					if (line.startsWith("data:")) {
						Matcher slug = SLUG.matcher(line);
						Awaited receipt = (slug.find() && seen.add(slug.group(1))) ? awaited.get(slug.group(1)) : null;
						if (receipt == null || !receipt.received(now, receipts)) {
							unexpected.increment();
						}
					}
				}
			}
		}
		catch (IOException ex) {
			// the benchmark ends, or the stream broke: the missing receipts say so
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A publish whose event the clients are awaiting.
	 */
	private static final class Awaited {

		private final long due;

		private final boolean recorded;

		private final AtomicInteger missing;

		private final CompletableFuture<String> everyClient = new CompletableFuture<String>()
			.orTimeout(RECEIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

		Awaited(long due, boolean recorded, int clients) {
			this.due = due;
			this.recorded = recorded;
			this.missing = new AtomicInteger(clients);
		}

		/**
		 * @return false if every client had it already: a repeat
		 */
		boolean received(long at, Recorder receipts) {
			int left = this.missing.decrementAndGet();
			if (left < 0) {
				return false;
			}
			if (this.recorded) {
				receipts.recordValue((at - this.due) / 1_000);
			}
			if (left == 0) {
				this.everyClient.complete(EVERY_CLIENT);
			}
			return true;
		}

	}

}
