package dev.newsroom.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import dev.newsroom.bench.harness.BenchmarkException;
import dev.newsroom.bench.harness.BenchmarkOptions;
import dev.newsroom.bench.harness.ClosedLoopLoad;
import dev.newsroom.bench.harness.JvmDescription;
import dev.newsroom.bench.harness.LoadReport;
import dev.newsroom.bench.harness.NoContentServer;

import static dev.newsroom.bench.harness.Figures.number;

/**
 * Beacon ingest against the least an HTTP server can do, side by side in one run: the
 * same connections send the same beacon requests, as fast as they are answered, in turns
 * to a minimal server that answers 204 (the JDK's, in this JVM) and to the view counter's
 * {@code POST /api/views}, which answers 202 once the view is in the producer's buffer.
 * The figure is the view counter's 202s per second divided by the minimal server's 204s
 * per second; the target is 0.5 or more.
 * <p>
 * Every beacon is a view by a reader of its own of one of the articles the benchmark
 * publishes first, so the views are counted by the running stack while it is measured, as
 * they would be in production. Exits with 0 when every beacon was answered 202, 1 when
 * some were not (the figures are printed all the same), and 2 when it could not run.
 */
public final class BeaconIngestBenchmark {

	static final double TARGET_RATIO = 0.5;

	private BeaconIngestBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err)
			throws InterruptedException {
		try {
			BenchmarkOptions options = BenchmarkOptions.parse(args,
					ReaderBeacons.options("connections", "duration", "warmup", "rounds"));
			int connections = (int) options.positiveNumber("connections", 16);
			Duration duration = options.seconds("duration", Duration.ofSeconds(15));
			Duration warmup = options.seconds("warmup", Duration.ofSeconds(5));
			int rounds = (int) options.positiveNumber("rounds", 2);
			ReaderBeacons.Setup setup = ReaderBeacons.setUp(options, environment, 0);
			ReaderBeacons beacons = setup.beacons();
			List<String> articles = setup.articles();
			out.println("Published " + articles.size() + " articles, each counted once. " + connections
					+ " connections send beacons as fast as they are answered, " + rounds + " rounds of "
					+ duration.toSeconds() + " s to each server in turn, after " + warmup.toSeconds()
					+ " s of warm-up on each.");
			AtomicLong readers = new AtomicLong();
			try (NoContentServer baseline = NoContentServer.start(connections)) {
				Target minimal = new Target("minimal 204", "localhost", baseline.port(),
						(n) -> beacons.beacon(articles.get((int) (n % articles.size())), n), 204);
				Target beacon = new Target("beacon", beacons.host(), beacons.port(), (n) -> {
					long reader = readers.getAndIncrement();
					return beacons.beacon(articles.get((int) (reader % articles.size())), reader);
				}, 202);
				minimal.load(connections, warmup);
				beacon.load(connections, warmup);
				Totals minimalTotals = new Totals();
				Totals beaconTotals = new Totals();
				out.println("Beacon ingest: POST " + beacons.host() + ":" + beacons.port()
						+ "/api/views against a minimal server answering 204");
				for (int round = 1; round <= rounds; round++) {
					minimalTotals.add(minimal.load(connections, duration), out, round, minimal);
					beaconTotals.add(beacon.load(connections, duration), out, round, beacon);
				}
				double ratio = beaconTotals.perSecond() / minimalTotals.perSecond();
				LoadReport.line(out, "minimal 204", number(minimalTotals.perSecond()) + "/s");
				LoadReport.line(out, "beacon 202", number(beaconTotals.perSecond()) + "/s");
				LoadReport.line(out, "ratio", number(ratio) + " (target " + number(TARGET_RATIO) + " or more)");
				LoadReport.line(out, "connections", Integer.toString(connections));
				LoadReport.printJvm(out, JvmDescription.current());
				if (beaconTotals.others > 0) {
					out.println("Some beacons were answered other than 202, so these figures are not those of a "
							+ "healthy run: a 429 means the view counter's rate limits are lower than the readers' "
							+ "addresses allow; a 503 means Kafka did not keep up.");
					return 1;
				}
				return 0;
			}
		}
		catch (BenchmarkException ex) {
			err.println(ex.getMessage());
			return 2;
		}
	}

	/** A server under load, and the status that means it did what was asked. */
	private record Target(String name, String host, int port, LongFunction<byte[]> requests, int success) {

		ClosedLoopLoad.Result load(int connections, Duration duration) throws InterruptedException {
			return ClosedLoopLoad.run(this.host, this.port, connections, duration, this.requests);
		}

	}

	/** A target's answers over all its rounds. */
	private static final class Totals {

		private long succeeded;

		private long others;

		private long nanos;

		void add(ClosedLoopLoad.Result result, PrintStream out, int round, Target target) {
			long good = result.statuses().getOrDefault(target.success(), 0L);
			this.succeeded += good;
			this.others += result.statuses().values().stream().mapToLong(Long::longValue).sum() - good
					+ result.failures();
			this.nanos += result.elapsed().toNanos();
			LoadReport.line(out, "round " + round, target.name() + ": " + number(result.perSecond(target.success()))
					+ "/s (" + result.describeStatuses() + ")");
		}

		double perSecond() {
			return this.succeeded * 1e9 / this.nanos;
		}

	}

}
