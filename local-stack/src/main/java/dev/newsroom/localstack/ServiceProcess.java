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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a service instance as a child JVM. Its output is appended to its log file
 * and copied, line by line, to the launcher's console under the instance's id; the last
 * lines are kept to be shown if it crashes.
 */
final class ServiceProcess {

	private static final Duration HEALTH_POLL = Duration.ofMillis(200);

	private static final int TAIL_LINES = 15;

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final ServiceInstance instance;

	private final Process process;

	private final Deque<String> tail = new ArrayDeque<>();

	private final CompletableFuture<Void> outputCopied = new CompletableFuture<>();

	private ServiceProcess(ServiceInstance instance, Process process) {
		this.instance = instance;
		this.process = process;
	}

	/**
	 * Starts the instance.
	 * @param instance what to run
	 * @param append whether to add to the existing log (a restart) or start it afresh
	 * @return the running process
	 * @throws IOException if the JVM cannot be started
	 */
	static ServiceProcess start(ServiceInstance instance, boolean append) throws IOException {
		Files.createDirectories(instance.logFile().getParent());
		List<String> command = new ArrayList<>(instance.command());
		if (Files.isExecutable(SETSID)) {
			// A session of its own keeps the terminal's Ctrl-C from reaching the service
			// directly: the launcher stops it, so the exit is never taken for a crash.
			command.add(0, SETSID.toString());
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(instance.environment());
		Writer log = Files.newBufferedWriter(instance.logFile(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
		if (append) {
			log.write("---- restarted by the local stack at " + Instant.now() + System.lineSeparator());
			log.flush();
		}
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			log.close();
			throw ex;
		}
		ServiceProcess started = new ServiceProcess(instance, process);
		Thread pump = new Thread(() -> started.copyOutput(log), instance.id() + "-output");
		pump.setDaemon(true);
		pump.start();
		return started;
	}

	private void copyOutput(Writer log) {
		Logger console = LoggerFactory.getLogger(this.instance.id());
		try (log;
				BufferedReader lines = new BufferedReader(
						new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				log.write(line);
				log.write(System.lineSeparator());
				log.flush();
				remember(line);
				console.info("{}", line);
			}
		}
		catch (IOException ex) {
			console.warn("Stopped copying the output of {}: {}", this.instance.id(), ex.getMessage());
		}
		finally {
			this.outputCopied.complete(null);
		}
	}

	private synchronized void remember(String line) {
		if (this.tail.size() == TAIL_LINES) {
			this.tail.removeFirst();
		}
		this.tail.addLast(line);
	}

	/**
	 * The last lines the process wrote, once all its output has been read.
	 * @return up to 15 lines, oldest first
	 */
	List<String> lastLines() {
		try {
			this.outputCopied.get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// Show what has been read so far.
		}
		synchronized (this) {
			return new ArrayList<>(this.tail);
		}
	}

	ServiceInstance instance() {
		return this.instance;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * @return completes with the exit code when the process ends, however it ends
	 */
	CompletableFuture<Integer> exit() {
		return this.process.onExit().thenApply(Process::exitValue);
	}

	/**
	 * Waits until {@code /actuator/health/readiness} answers UP from this process: ready
	 * for traffic. A component that is DOWN for reasons of its own, such as a notifier
	 * channel paused for refused credentials, leaves the service ready.
	 * @param timeout how long to wait
	 * @throws IllegalStateException if the process exits or is not healthy in time
	 */
	void awaitHealthy(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(this.instance.url() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.instance.id() + " exited with code " + this.process.exitValue()
						+ " before it was healthy; see its log above or in " + this.instance.logFile());
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
				throw new IllegalStateException("Interrupted while waiting for " + this.instance.id(), ex);
			}
			try {
				this.process.waitFor(HEALTH_POLL.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + this.instance.id(), ex);
			}
		}
		throw new IllegalStateException(this.instance.id() + " was not healthy within " + timeout.toSeconds() + " s at "
				+ this.instance.url() + "/actuator/health/readiness; see " + this.instance.logFile());
	}

	/**
	 * Asks the process to shut down gracefully, and kills it if it has not within 30
	 * seconds.
	 */
	void stop() {
		stop(this.process.toHandle());
	}

	/**
	 * Stops a process gracefully (SIGTERM), then forcibly after 30 seconds.
	 * @param process the process
	 */
	static void stop(ProcessHandle process) {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			process.destroyForcibly();
		}
	}

}
