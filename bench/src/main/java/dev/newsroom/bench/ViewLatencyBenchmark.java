package dev.newsroom.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import dev.newsroom.bench.harness.BenchmarkException;
import dev.newsroom.bench.harness.BenchmarkOptions;
import dev.newsroom.bench.harness.JvmDescription;
import dev.newsroom.bench.harness.KeepAliveConnection;
import dev.newsroom.bench.harness.LoadReport;

import static dev.newsroom.bench.harness.Figures.number;

/**
 * How long a view takes to show in its article's count through the API, while the view
 * counter takes thousands of views a second (5,000 by default, for 60 s after a 10 s
 * warm-up). The background views are beacons from readers of their own, paced over
 * several connections, of the articles the benchmark publishes first. Meanwhile probe
 * threads each send a view of an article of their own and read its count
 * ({@code GET /api/views?ids=}) every few milliseconds until it includes the view: the
 * time from sending the beacon to reading that count is one latency. The target is a p99
 * of 1 s or less. Exits with 0 when the background rate was reached with only 202s and
 * every probe was counted, 1 otherwise (the figures are printed all the same), and 2 when
 * it could not run.
 */
public final class ViewLatencyBenchmark {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

	private ViewLatencyBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err)
			throws InterruptedException {
		try {
			BenchmarkOptions options = BenchmarkOptions.parse(args,
					ReaderBeacons.options("rate", "duration", "warmup", "connections", "probes", "probe-interval"));
			double rate = options.positiveNumber("rate", 5_000);
			Duration duration = options.seconds("duration", Duration.ofSeconds(60));
			Duration warmup = options.seconds("warmup", Duration.ofSeconds(10));
			int connections = (int) options.positiveNumber("connections", 8);
			int probes = (int) options.positiveNumber("probes", 4);
			long probeIntervalMillis = (long) options.positiveNumber("probe-interval", 200);
			ReaderBeacons.Setup setup = ReaderBeacons.setUp(options, environment, probes);
			ReaderBeacons beacons = setup.beacons();
			HttpClient http = setup.http();
			List<String> all = setup.articles();
			int articleCount = all.size() - probes;
			List<String> background = all.subList(0, articleCount);
			List<String> probed = all.subList(articleCount, all.size());
			out.println("Published " + all.size() + " articles, each counted once. Sending " + number(rate)
					+ " views/s over " + connections + " connections for " + duration.toSeconds() + " s after "
					+ warmup.toSeconds() + " s of warm-up; " + probes + " probes each send a view every "
					+ probeIntervalMillis + " ms and read its count every " + POLL_INTERVAL.toMillis() + " ms.");

			long start = System.nanoTime();
			long recordFrom = start + warmup.toNanos();
			long end = recordFrom + duration.toNanos();
			AtomicLong readers = new AtomicLong();
			Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
			LongAdder sentWhileRecording = new LongAdder();
			AtomicLong lastAnswer = new AtomicLong();
			Thread[] senders = new Thread[connections];
			for (int t = 0; t < connections; t++) {
				senders[t] = new Thread(() -> sendBackground(beacons, background, start, end, rate / connections,
						readers, statuses, recordFrom, sentWhileRecording, lastAnswer), "background-" + t);
				senders[t].start();
			}
			Recorder latencies = new Recorder(3);
			LongAdder lateProbes = new LongAdder();
			Thread[] probers = new Thread[probes];
			for (int p = 0; p < probes; p++) {
				String articleId = probed.get(p);
				probers[p] = new Thread(() -> probe(beacons, articleId, readers, recordFrom, end, probeIntervalMillis,
						latencies, lateProbes), "probe-" + p);
				probers[p].start();
			}
			for (Thread thread : senders) {
				thread.join();
			}
			for (Thread thread : probers) {
				thread.join();
			}
			Histogram histogram = latencies.getIntervalHistogram();
			// Over the time the recorded beacons actually took: senders that fell behind
			// their schedule finish after the recording window.
			double achieved = sentWhileRecording.sum() * 1e9
					/ Math.max(duration.toNanos(), lastAnswer.get() - recordFrom);
			StringBuilder described = new StringBuilder();
			statuses.forEach((status, count) -> described.append(described.isEmpty() ? "" : ", ")
				.append(status)
				.append(": ")
				.append(count.sum()));
			out.println("View to count: POST /api/views to GET /api/views?ids= showing the view");
			LoadReport.line(out, "background",
					number(achieved) + " views/s answered (target " + number(rate) + "/s): " + described);
			LoadReport.line(out, "probes", histogram.getTotalCount() + " counted, " + lateProbes.sum()
					+ " not counted within " + PROBE_TIMEOUT.toSeconds() + " s");
			LoadReport.printLatencies(out, "from sending the beacon to reading a count that includes it", histogram);
			LoadReport.line(out, "target", "p99 1000 ms or less");
			LoadReport.printJvm(out, JvmDescription.current());
			boolean allAccepted = statuses.keySet().stream().allMatch((status) -> status == 202);
			if (achieved < rate * 0.95 || !allAccepted || lateProbes.sum() > 0) {
				out.println("The background rate was not reached with only 202s, or a probe was not counted, so "
						+ "these figures are not those of a healthy run.");
				return 1;
			}
			return 0;
		}
		catch (BenchmarkException ex) {
			err.println(ex.getMessage());
			return 2;
		}
	}

	/**
	 * Sends views at a fixed pace on one connection, catching up at once when behind.
	 */
	private static void sendBackground(ReaderBeacons beacons, List<String> articles, long start, long end,
			double perSecond, AtomicLong readers, Map<Integer, LongAdder> statuses, long recordFrom,
			LongAdder sentWhileRecording, AtomicLong lastAnswer) {
		double intervalNanos = 1e9 / perSecond;
		try (KeepAliveConnection connection = new KeepAliveConnection(beacons.host(), beacons.port())) {
			for (long n = 0;; n++) {
				long due = start + (long) (n * intervalNanos);
				if (due >= end) {
					return;
				}
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				long reader = readers.getAndIncrement();
				int status;
				try {
					status = connection.send(beacons.beacon(articles.get((int) (reader % articles.size())), reader));
				}
				catch (IOException ex) {
					connection.disconnect();
					status = 0;
				}
				if (due >= recordFrom) {
					statuses.computeIfAbsent(status, (key) -> new LongAdder()).increment();
					sentWhileRecording.increment();
					lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
				}
			}
		}
	}

	/**
	 * Sends a view of its article at each interval and reads its count until the view
	 * shows.
	 */
	private static void probe(ReaderBeacons beacons, String articleId, AtomicLong readers, long recordFrom, long end,
			long intervalMillis, Recorder latencies, LongAdder late) {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (KeepAliveConnection connection = new KeepAliveConnection(beacons.host(), beacons.port())) {
			long expected = beacons.counts(http, List.of(articleId)).getOrDefault(articleId, 0L);
			for (long due = System.nanoTime(); due < end; due += intervalMillis * 1_000_000) {
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				long sent = System.nanoTime();
				int status = connection.send(beacons.beacon(articleId, readers.getAndIncrement()));
				if (status != 202) {
					continue;
				}
				expected++;
				long shown = awaitCount(beacons, http, articleId, expected, sent + PROBE_TIMEOUT.toNanos());
				if (sent >= recordFrom) {
					if (shown < 0) {
						late.increment();
					}
					else {
						latencies.recordValue((shown - sent) / 1_000);
					}
				}
				if (shown < 0) {
					expected = beacons.counts(http, List.of(articleId)).getOrDefault(articleId, expected);
				}
			}
		}
		catch (IOException ex) {
			throw new BenchmarkException("A probe's beacon got no answer: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * @return when the count reached the expected one, or -1 if it did not in time
	 */
	private static long awaitCount(ReaderBeacons beacons, HttpClient http, String articleId, long expected,
			long deadline) throws InterruptedException {
		while (System.nanoTime() < deadline) {
			Long views = beacons.counts(http, List.of(articleId)).get(articleId);
			if (views != null && views >= expected) {
				return System.nanoTime();
			}
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		return -1;
	}

}
