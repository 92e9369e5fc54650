package dev.newsroom.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark end to end against a {@link FakePublisher}: what it sends, what it prints
 * and how it exits. The runs are short and nothing here depends on how fast they go.
 */
class PublishLatencyBenchmarkTests {

	private static final String CREDENTIALS = "Basic "
			+ Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8));

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void publishesAtTheRateForTheDurationAndPrintsTheFigures() throws Exception {
		try (FakePublisher publisher = new FakePublisher(CREDENTIALS, 201)) {
			int exit = run(Map.of("NEWSROOM_PASSWORD", "s3cret"), "--url=" + publisher.url(), "--rate=50",
					"--duration=1", "--warmup=0.2");
			assertThat(exit).as(this.err.toString(StandardCharsets.UTF_8)).isZero();
			// 10 warm-up publishes and 50 recorded ones, each with a slug and a key of
			// its own
			assertThat(publisher.publishAnswers()).hasSize(60).containsOnly(201);
			assertThat(publisher.slugs()).hasSize(60).allMatch((slug) -> slug.matches("bench-[a-z0-9]+-\\d+"));
			assertThat(publisher.idempotencyKeys()).hasSize(60).doesNotHaveDuplicates();
			assertThat(printed()).contains("Publish latency: POST " + publisher.url() + "/api/articles\n")
				.contains("  requests      50\n")
				.contains("  outcomes      201: 50\n")
				.containsPattern("    p99\\.9 +\\d+\\.\\d{3}\n")
				.contains("  jvm flags     ")
				.contains(
						" " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " processors\n");
		}
	}

	@Test
	void refusedPublishesAreCountedByStatusAndMakeTheRunExitWithOne() throws Exception {
		try (FakePublisher publisher = new FakePublisher(CREDENTIALS, 201)) {
			publisher.refusePublishesWith(503);
			int exit = run(Map.of(), "--url=" + publisher.url(), "--user=admin", "--password=s3cret", "--rate=20",
					"--duration=0.5", "--warmup=0");
			assertThat(exit).isEqualTo(1);
			assertThat(publisher.publishAnswers()).hasSize(10).containsOnly(503);
			assertThat(printed()).contains("  outcomes      503: 10\n")
				.contains("Not every recorded publish answered 201")
				.contains("The first other answer: 503 {\"title\":\"Refused\",\"status\":503}");
		}
	}

	@Test
	void signInRefusedExitsWithTwoNamingTheStatus() throws Exception {
		try (FakePublisher publisher = new FakePublisher(CREDENTIALS, 201)) {
			int exit = run(Map.of(), "--url=" + publisher.url(), "--password=wrong");
			assertThat(exit).isEqualTo(2);
			assertThat(this.err.toString(StandardCharsets.UTF_8))
				.startsWith("Sign-in failed: POST " + publisher.url() + "/api/tokens as admin answered 401, not 201.")
				.contains("NEWSROOM_PASSWORD");
			assertThat(publisher.publishAnswers()).isEmpty();
		}
	}

	@Test
	void signInWithoutATokenExitsWithTwo() throws Exception {
		try (FakePublisher publisher = new FakePublisher(CREDENTIALS, 200)) {
			int exit = run(Map.of(), "--url=" + publisher.url(), "--password=s3cret");
			assertThat(exit).isEqualTo(2);
			assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("answered 200, not 201");
		}
	}

	@Test
	void nothingListeningExitsWithTwoSayingHowToStartTheStack() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		int exit = run(Map.of(), "--url=http://127.0.0.1:" + port, "--password=s3cret");
		assertThat(exit).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.startsWith(
					"Sign-in failed: POST http://127.0.0.1:" + port + "/api/tokens got no answer (ConnectException).")
			.contains("./run-local");
	}

	@Test
	void missingOrEmptyPasswordExitsWithTwoNamingBothWaysToGiveIt() throws Exception {
		assertThat(run(Map.of("NEWSROOM_PASSWORD", ""), "--url=http://127.0.0.1:1")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--password=").contains("NEWSROOM_PASSWORD");
	}

	private int run(Map<String, String> environment, String... args) throws InterruptedException {
		return PublishLatencyBenchmark.run(args, environment, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String printed() {
		return this.out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
	}

}
