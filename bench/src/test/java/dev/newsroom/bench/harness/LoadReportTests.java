package dev.newsroom.bench.harness;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadReportTests {

	private static final LoadPlan PLAN = new LoadPlan(100, Duration.ofSeconds(10), Duration.ofSeconds(60));

	private static final JvmDescription JVM = new JvmDescription("OpenJDK 64-Bit Server VM", "17.0.15+6",
			List.of("-XX:+UseParallelGC", "-Xmx512m"), 2, 512L * 1024 * 1024, List.of("PS Scavenge", "PS MarkSweep"));

	@Test
	void printsPercentilesInMillisecondsOutcomesAndTheJvm() {
		Histogram latencies = new Histogram(3);
		for (long micros = 1; micros <= 1_000; micros++) {
			latencies.recordValue(micros);
		}
		LoadResult result = new LoadResult(PLAN, 1_000, Map.of("201", 998L, "409", 2L), latencies, 99.987);
		assertThat(print(result, JVM)).isEqualTo("""
				Publish latency: POST http://localhost:8082/api/articles
				  plan          100/s for 60 s, after a warm-up of 10 s (not recorded)
				  requests      1000
				  outcomes      201: 998, 409: 2
				  rate          99.99/s answered (target 100/s)
				  latency ms    from the intended start to the answer
				    p50           0.500
				    p90           0.900
				    p99           0.990
				    p99.9         0.999
				    max           1.000
				  jvm           OpenJDK 64-Bit Server VM 17.0.15+6, 2 processors
				  jvm flags     -XX:+UseParallelGC -Xmx512m
				  heap max      512 MB
				  gc            PS Scavenge, PS MarkSweep
				""");
	}

	@Test
	void saysSoWhenNothingWasAnsweredRatherThanPrintingZeroLatencies() {
		LoadResult result = new LoadResult(PLAN, 6_000, Map.of("ConnectException", 6_000L), new Histogram(3), 0);
		assertThat(print(result, JVM)).contains("  latency ms    none: no operation finished with an outcome\n")
			.doesNotContain("p50");
	}

	@Test
	void saysSoWhenTheJvmRanWithoutFlags() {
		JvmDescription defaults = new JvmDescription("OpenJDK 64-Bit Server VM", "17.0.15+6", List.of(), 2,
				256L * 1024 * 1024, List.of("G1 Young Generation", "G1 Old Generation"));
		LoadResult result = new LoadResult(PLAN, 0, Map.of(), new Histogram(3), 0);
		assertThat(print(result, defaults)).contains("  jvm flags     (none: the JVM's defaults)\n");
	}

	@Test
	void describesTheCurrentJvmWithTheArgumentsItWasStartedWith() {
		JvmDescription current = JvmDescription.current();
		assertThat(current.flags()).isEqualTo(ManagementFactory.getRuntimeMXBean().getInputArguments());
		assertThat(current.version()).isEqualTo(Runtime.version().toString());
		assertThat(current.garbageCollectors()).isNotEmpty();
	}

	private static String print(LoadResult result, JvmDescription jvm) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		LoadReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8),
				"Publish latency: POST http://localhost:8082/api/articles", result, jvm);
		return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
	}

}
