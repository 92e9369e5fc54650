package dev.newsroom.testsupport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service run from its built executable jar in a JVM of its own, as it runs in
 * production, for tests of another module that need it. Its log goes to a file under the
 * module's {@code target/}.
 */
public final class JarProcess implements AutoCloseable {

	private final String module;

	private final Process process;

	private final int port;

	private final Path log;

	private JarProcess(String module, Process process, int port, Path log) {
		this.module = module;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts a module's jar and waits until it is ready.
	 * @param module the module, whose {@code target/<module>.jar} is run; run the tests
	 * from the repository root ({@code ./mvnw verify}), which builds it first
	 * @param properties Spring Boot properties, given as {@code --key=value}
	 * @param environment variables added to its environment, the place for secrets
	 * @return the running service
	 * @throws IOException if it cannot be started
	 */
	public static JarProcess start(String module, Map<String, String> properties, Map<String, String> environment)
			throws IOException {
		Path jar = Path.of("..", module, "target", module + ".jar").toAbsolutePath().normalize();
		assertThat(jar).as("the %s jar; run the tests from the repository root with ./mvnw verify", module)
			.isRegularFile();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Files.createDirectories(Path.of("target", "services")).resolve(module + "-" + port + ".log");
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-Xmx384m", "-jar", jar.toString(), "--server.port=" + port,
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.dev.newsroom=INFO"));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment().putAll(environment);
		JarProcess started = new JarProcess(module, builder.start(), port, log);
		started.awaitReady();
		return started;
	}

	/**
	 * @return its base URL
	 */
	public String url() {
		return "http://localhost:" + this.port;
	}

	private void awaitReady() {
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofMinutes(2)).ignoreException(ConnectException.class).untilAsserted(() -> {
			assertThat(this.process.isAlive()).as("%s is running; see %s", this.module, this.log).isTrue();
			assertThat(http
				.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build(),
						BodyHandlers.discarding())
				.statusCode()).as("%s's readiness", this.module).isEqualTo(200);
		});
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
