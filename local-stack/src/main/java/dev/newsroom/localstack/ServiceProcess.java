package dev.newsroom.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Newsroom service running as a child JVM from its executable jar. Its output goes to
 * {@code <logs>/<name>.log} and, line by line, to this launcher's console under the
 * service's name.
 */
final class ServiceProcess implements AutoCloseable {

	private static final Duration HEALTH_POLL = Duration.ofMillis(500);

	private static final Logger launcher = LoggerFactory.getLogger("local-stack");

	private final String name;

	private final int port;

	private final Process process;

	private volatile boolean stopping;

	private ServiceProcess(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts a service.
	 * @param name the service's name, also its module and jar name
	 * @param jar the executable jar
	 * @param port the HTTP port
	 * @param logDir where its log file goes
	 * @param arguments Spring Boot arguments, such as {@code --server.port=8082}
	 * @param environment variables added to this launcher's environment for the service;
	 * the place for secrets, which other users can read in the arguments of a process
	 * ({@code ps}) but not in its environment
	 * @return the running process
	 * @throws IOException if the JVM cannot be started
	 */
	static ServiceProcess start(String name, Path jar, int port, Path logDir, List<String> arguments,
			Map<String, String> environment) throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IOException("No " + jar + ": build it first with ./mvnw -DskipTests package");
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
				jar.toString(), "--server.port=" + port));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		ServiceProcess service = new ServiceProcess(name, port, process);
		Files.createDirectories(logDir);
		Thread pump = new Thread(() -> service.pump(logDir.resolve(name + ".log")), name + "-output");
		pump.setDaemon(true);
		pump.start();
		process.onExit().thenAccept((exited) -> {
			if (!service.stopping) {
				launcher.error(
						"{} exited unexpectedly with code {}; see .newsroom/logs/{}.log. The rest keeps running.", name,
						exited.exitValue(), name);
			}
		});
		return service;
	}

	private void pump(Path logFile) {
		Logger console = LoggerFactory.getLogger(this.name);
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
				Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				log.write(line);
				log.write(System.lineSeparator());
				log.flush();
				console.info("{}", line);
			}
		}
		catch (IOException ex) {
			console.warn("Stopped copying the output of {}: {}", this.name, ex.getMessage());
		}
	}

	/**
	 * Waits until {@code /actuator/health} answers UP.
	 * @param timeout how long to wait
	 * @throws IllegalStateException if the service exits or is not healthy in time
	 */
	void awaitHealthy(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with code " + this.process.exitValue()
						+ " before it was healthy; see its log above or in .newsroom/logs/" + this.name + ".log");
			}
			try {
				// Spring Boot answers 200 only when the overall status is UP.
				if (http.send(health, BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
			}
			try {
				Thread.sleep(HEALTH_POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
			}
		}
		throw new IllegalStateException(this.name + " was not healthy within " + timeout.toSeconds() + " s at " + url()
				+ "/actuator/health; see .newsroom/logs/" + this.name + ".log");
	}

	String name() {
		return this.name;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	/**
	 * Asks the service to shut down gracefully, and kills it if it has not within 30
	 * seconds.
	 */
	@Override
	public void close() {
		this.stopping = true;
		if (!this.process.isAlive()) {
			return;
		}
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
