package dev.newsroom.bench.harness;

import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import static dev.newsroom.bench.harness.Figures.number;

/**
 * Prints a load run's figures and the JVM they were measured on, one figure a line, in a
 * form that can be read and compared across runs:
 *
 * <pre>
 * Publish latency: POST http://localhost:8082/api/articles
 *   plan          100/s for 60 s, after a warm-up of 10 s (not recorded)
 *   requests      6000
 *   outcomes      201: 6000
 *   rate          100/s answered (target 100/s)
 *   latency ms    from the intended start to the answer
 *     p50           3.215
 *     ...
 *   jvm           OpenJDK 64-Bit Server VM 17.0.15+6, 2 processors
 *   jvm flags     -XX:+UseParallelGC -Xms512m -Xmx512m
 *   ...
 * </pre>
 */
public final class LoadReport {

	private static final double[] PERCENTILES = { 50, 90, 99, 99.9 };

	private static final long MICROS_PER_MILLI = 1_000;

	private static final long BYTES_PER_MEGABYTE = 1024 * 1024;

	private LoadReport() {
	}

	/**
	 * Prints the report.
	 * @param out where to print it
	 * @param title what was measured
	 * @param result the figures
	 * @param jvm the JVM they were measured on
	 */
	public static void print(PrintStream out, String title, LoadResult result, JvmDescription jvm) {
		LoadPlan plan = result.plan();
		out.println(title);
		line(out, "plan", plan.describe());
		line(out, "requests", Long.toString(result.requests()));
		line(out, "outcomes",
				result.outcomes()
					.entrySet()
					.stream()
					.map((outcome) -> outcome.getKey() + ": " + outcome.getValue())
					.collect(Collectors.joining(", ")));
		line(out, "rate",
				number(result.answersPerSecond()) + "/s answered (target " + number(plan.ratePerSecond()) + "/s)");
		printLatencies(out, "from the intended start to the answer", result.latenciesMicros());
		printJvm(out, jvm);
	}

	/**
	 * Prints the JVM's lines of a report: its version, flags, heap and collectors.
	 * @param out where to print them
	 * @param jvm the JVM
	 */
	public static void printJvm(PrintStream out, JvmDescription jvm) {
		line(out, "jvm", jvm.vm() + " " + jvm.version() + ", " + jvm.processors() + " processors");
		line(out, "jvm flags", jvm.flags().isEmpty() ? "(none: the JVM's defaults)" : String.join(" ", jvm.flags()));
		line(out, "heap max", (jvm.maxHeapBytes() / BYTES_PER_MEGABYTE) + " MB");
		line(out, "gc", String.join(", ", jvm.garbageCollectors()));
	}

	/**
	 * Prints the latency lines of a report (p50 to max, in ms) for a histogram of
	 * microseconds.
	 * @param out where to print them
	 * @param measured from what to what each latency runs
	 * @param latenciesMicros the latencies
	 */
	public static void printLatencies(PrintStream out, String measured, Histogram latenciesMicros) {
		if (latenciesMicros.getTotalCount() == 0) {
			line(out, "latency ms", "none: no operation finished with an outcome");
			return;
		}
		line(out, "latency ms", measured);
		for (double percentile : PERCENTILES) {
			latency(out, "p" + number(percentile), latenciesMicros.getValueAtPercentile(percentile));
		}
		latency(out, "max", latenciesMicros.getMaxValue());
	}

	/**
	 * Prints one figure of a report.
	 * @param out where to print it
	 * @param name the figure's name
	 * @param value its value
	 */
	public static void line(PrintStream out, String name, String value) {
		out.printf(Locale.ROOT, "  %-13s %s%n", name, value);
	}

	private static void latency(PrintStream out, String name, long micros) {
		out.printf(Locale.ROOT, "    %-8s %10.3f%n", name, (double) micros / MICROS_PER_MILLI);
	}

}
