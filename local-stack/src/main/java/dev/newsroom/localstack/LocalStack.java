package dev.newsroom.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole pipeline on this machine: a real Kafka broker (KRaft, single node) in
 * this JVM, then the schema registry, then the publisher, the view counter and the
 * notifier as child JVMs. Prints the URLs once all are healthy; Ctrl-C stops them in the
 * reverse order. Data lives under {@code .newsroom/} in the working directory and is kept
 * from one run to the next.
 * <p>
 * Run it from the repository root, after {@code ./mvnw -DskipTests package}; the script
 * {@code ./run-local} does both.
 */
public final class LocalStack {

	private static final Logger logger = LoggerFactory.getLogger("local-stack");

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	private LocalStack() {
	}

	public static void main(String[] args) {
		try {
			run(LocalStackSettings.fromSystemProperties());
		}
		catch (Exception ex) {
			logger.error("Newsroom did not start: {}", ex.getMessage());
			// Kafka's threads would keep the JVM alive; exiting runs the shutdown hook.
			System.exit(1);
		}
	}

	private static void run(LocalStackSettings settings) throws Exception {
		long started = System.nanoTime();
		List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			logger.info("Stopping Newsroom...");
			stopAll(running);
			logger.info("Stopped. Data is kept in {}", settings.home().toAbsolutePath());
			stopped.countDown();
		}, "local-stack-shutdown"));

		RegistryCredentials credentials = RegistryCredentials.loadOrCreate(settings.registryCredentialsFile());
		logger.info("Starting Kafka (KRaft, single node) with data in {}", settings.kafkaDir().toAbsolutePath());
		LocalKafkaBroker kafka = LocalKafkaBroker.start(settings.kafkaDir(), settings.kafkaPort(),
				settings.kafkaControllerPort());
		running.add(kafka);
		logger.info("Kafka is up at {}", kafka.bootstrapServers());

		List<String> common = List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
				"--spring.kafka.properties.schema.registry.url=http://localhost:" + settings.registryPort(),
				"--logging.level.root=WARN", "--logging.level.dev.newsroom=INFO",
				"--newsroom.view-counter.allowed-origins=" + settings.siteUrl(),
				"--newsroom.publisher.site-url=" + settings.siteUrl());
		// The registry gets the hash of the password as an argument; the services get the
		// password itself in their environment, which other users cannot read with ps.
		ServiceProcess registry = start(settings, running, "schema-registry", settings.registryPort(),
				concat(common,
						"--newsroom.registry.auth.users." + credentials.user() + "=" + credentials.passwordHash()),
				Map.of());
		registry.awaitHealthy(STARTUP_TIMEOUT);

		Map<String, String> registryUser = Map.of("SCHEMA_REGISTRY_USER_INFO", credentials.userInfo());
		List<ServiceProcess> services = List.of(
				start(settings, running, "publisher", settings.publisherPort(),
						concat(common,
								"--newsroom.publisher.security.accounts-file="
										+ settings.home().resolve("publisher-accounts.json").toAbsolutePath()),
						registryUser),
				start(settings, running, "view-counter", settings.viewCounterPort(),
						concat(common,
								"--spring.kafka.streams.state-dir="
										+ settings.home().resolve("view-counter-state").toAbsolutePath()),
						registryUser),
				start(settings, running, "notifier", settings.notifierPort(), common, registryUser));
		for (ServiceProcess service : services) {
			service.awaitHealthy(STARTUP_TIMEOUT);
		}

		Duration took = Duration.ofNanos(System.nanoTime() - started);
		logger.info("""

				Newsroom is up in {} s.
				  Kafka           {}
				  Schema registry {}  (registry writes need the credentials in {})
				  Publisher       {}/api/articles
				  View counter    {}/api/views  and  {}/api/articles/{id}/views
				  Notifier        {}/actuator/health
				Logs in {}. Press Ctrl-C to stop.
				""", String.format("%.1f", took.toMillis() / 1000.0), kafka.bootstrapServers(), registry.url(),
				settings.registryCredentialsFile().toAbsolutePath(), services.get(0).url(), services.get(1).url(),
				services.get(1).url(), services.get(2).url(), settings.logDir().toAbsolutePath());
		stopped.await();
	}

	private static ServiceProcess start(LocalStackSettings settings, List<AutoCloseable> running, String name, int port,
			List<String> arguments, Map<String, String> environment) throws IOException {
		logger.info("Starting {} on port {}", name, port);
		ServiceProcess service = ServiceProcess.start(name, settings.jarOf(name), port, settings.logDir(), arguments,
				environment);
		running.add(service);
		return service;
	}

	private static List<String> concat(List<String> list, String element) {
		List<String> all = new ArrayList<>(list);
		all.add(element);
		return all;
	}

	private static void stopAll(List<AutoCloseable> running) {
		List<AutoCloseable> reversed = new ArrayList<>(running);
		Collections.reverse(reversed);
		reversed.parallelStream().filter(ServiceProcess.class::isInstance).forEach(LocalStack::close);
		reversed.stream().filter((resource) -> !(resource instanceof ServiceProcess)).forEach(LocalStack::close);
	}

	private static void close(AutoCloseable resource) {
		try {
			resource.close();
		}
		catch (Exception ex) {
			logger.warn("Could not stop {} cleanly: {}", resource, ex.getMessage());
		}
	}

}
