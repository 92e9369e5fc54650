package dev.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole pipeline on this machine and keeps it running: a real Kafka broker
 * (KRaft, single node) in this JVM, then the schema registry, the publisher, the view
 * counter, the notifier and the feeds as supervised child JVMs. A service that crashes is
 * reported and restarted; one stack runs per folder; {@code ./run-local status} prints
 * each instance's state from another terminal. Data lives under {@code .newsroom/} and is
 * kept from one run to the next.
 * <p>
 * Run it from the repository root, after {@code ./mvnw -DskipTests package}; the script
 * {@code ./run-local} does both.
 */
public final class LocalStack {

	private static final Logger logger = LoggerFactory.getLogger("local-stack");

	/** Output of a command, printed as it is, without the launcher's prefix. */
	private static final Logger console = LoggerFactory.getLogger("console");

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	private static final List<String> SERVICES = List.of("publisher", "view-counter", "notifier", "feeds", "console");

	private LocalStack() {
	}

	public static void main(String[] args) {
		LocalStackSettings settings = LocalStackSettings.fromSystemProperties();
		LaunchCommand command;
		try {
			command = LaunchCommand.parse(List.of(args));
		}
		catch (IllegalArgumentException ex) {
			logger.error("{}", ex.getMessage());
			System.exit(2);
			return;
		}
		if (command.status()) {
			System.exit(printStatus(settings));
			return;
		}
		try {
			run(settings, command);
		}
		catch (Exception ex) {
			logger.error("Newsroom did not start: {}", ex.getMessage());
			// Kafka's threads would keep the JVM alive; exiting runs the shutdown hook.
			System.exit(1);
		}
	}

	private static int printStatus(LocalStackSettings settings) {
		try {
			if (!StackLock.isHeld(settings.home())) {
				logger.info("Newsroom is not running in {}", settings.home().getParent());
				return 3;
			}
			console.info("{}", new StatusFile(settings.statusFile(), 0).read().stripTrailing());
			return 0;
		}
		catch (IOException ex) {
			logger.error("Could not read the status of the stack in {}: {}", settings.home(), ex.getMessage());
			return 1;
		}
	}

	private static void run(LocalStackSettings settings, LaunchCommand command) throws Exception {
		long started = System.nanoTime();
		StackLock lock = StackLock.acquire(settings.home());
		int leftovers = LeftoverProcesses.stopAll(settings.home());
		if (leftovers > 0) {
			logger.warn("Stopped {} service process(es) that a previous launcher left running", leftovers);
		}
		Files.deleteIfExists(settings.statusFile());
		Map<String, List<Integer>> ports = assignPorts(settings, command);

		Supervisor supervisor = new Supervisor(RestartPolicy.DEFAULT, STARTUP_TIMEOUT,
				new StatusFile(settings.statusFile(), ProcessHandle.current().pid()));
		List<AutoCloseable> running = new CopyOnWriteArrayList<>();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			logger.info("Stopping Newsroom...");
			supervisor.close();
			running.forEach(LocalStack::close);
			close(lock);
			logger.info("Stopped. Data is kept in {}", settings.home());
			stopped.countDown();
		}, "local-stack-shutdown"));

		RegistryCredentials credentials = RegistryCredentials.loadOrCreate(settings.registryCredentialsFile());
		logger.info("Starting Kafka (KRaft, single node) with data in {}", settings.kafkaDir());
		LocalKafkaBroker kafka = LocalKafkaBroker.start(settings.kafkaDir(), settings.kafkaPort(),
				settings.kafkaControllerPort());
		running.add(kafka);
		logger.info("Kafka is up at {}", kafka.bootstrapServers());
		String bootstrapServers = kafka.bootstrapServers();

		Map<String, String> common = new LinkedHashMap<>();
		common.put("spring.kafka.bootstrap-servers", bootstrapServers);
		common.put("spring.kafka.properties.schema.registry.url", "http://localhost:" + settings.registryPort());
		common.put("logging.level.root", "WARN");
		common.put("logging.level.dev.newsroom", "INFO");
		common.put("newsroom.view-counter.allowed-origins", settings.siteUrl());
		common.put("newsroom.publisher.site-url", settings.siteUrl());
		common.put("newsroom.console.site-url", settings.siteUrl());
		common.put("newsroom.feeds.syndication.site-url", settings.siteUrl());

		// The registry gets the hash of the password as an argument; the services get the
		// password itself in their environment, which other users cannot read with ps.
		Map<String, String> registryProperties = new LinkedHashMap<>(common);
		registryProperties.put("newsroom.registry.auth.users." + credentials.user(), credentials.passwordHash());
		List<ServiceInstance> instances = new ArrayList<>();
		instances.add(instance(settings, "schema-registry", 1, settings.registryPort(), registryProperties, Map.of()));
		// Every view counter hashes cookie-less visitors with the same daily salt.
		String visitorSecret = OwnerOnlyFiles.secret(settings.home().resolve("view-counter-visitor-secret"));
		for (String service : SERVICES) {
			List<Integer> servicePorts = ports.get(service);
			Map<String, String> environment = new LinkedHashMap<>();
			environment.put("SCHEMA_REGISTRY_USER_INFO", credentials.userInfo());
			if ("view-counter".equals(service)) {
				environment.put("NEWSROOM_VISITOR_SECRET", visitorSecret);
			}
			for (int index = 1; index <= servicePorts.size(); index++) {
				instances.add(instance(settings, service, index, servicePorts.get(index - 1),
						serviceProperties(settings, service, index, common), environment));
			}
		}
		instances = withClassDataSharing(settings, instances);

		awaitFirstStarts(startAll(supervisor, instances.subList(0, 1)));
		awaitFirstStarts(startAll(supervisor, instances.subList(1, instances.size())));

		Duration took = Duration.ofNanos(System.nanoTime() - started);
		logger.info("{}", banner(settings, bootstrapServers, supervisor.services(), took));
		stopped.await();
	}

	/**
	 * The ports of every instance: the configured one for each service's first instance,
	 * and the next free ones after the highest of those for the others.
	 */
	static Map<String, List<Integer>> assignPorts(LocalStackSettings settings, LaunchCommand command) {
		Ports.requireFree(settings.kafkaPort(), "Kafka", "newsroom.kafka.port");
		Ports.requireFree(settings.kafkaControllerPort(), "Kafka's controller", "newsroom.kafka.controller-port");
		Ports.requireFree(settings.registryPort(), "schema-registry-1",
				LocalStackSettings.portProperty("schema-registry"));
		Set<Integer> taken = new HashSet<>(
				List.of(settings.kafkaPort(), settings.kafkaControllerPort(), settings.registryPort()));
		for (String service : SERVICES) {
			Ports.requireFree(settings.portOf(service), service + "-1", LocalStackSettings.portProperty(service));
			taken.add(settings.portOf(service));
		}
		int next = SERVICES.stream().mapToInt(settings::portOf).max().orElseThrow() + 1;
		next = Math.max(next, settings.registryPort() + 1);
		Map<String, List<Integer>> ports = new LinkedHashMap<>();
		for (String service : SERVICES) {
			List<Integer> servicePorts = new ArrayList<>(List.of(settings.portOf(service)));
			for (int index = 2; index <= command.instancesOf(service); index++) {
				int port = Ports.nextFree(next, taken);
				taken.add(port);
				servicePorts.add(port);
				next = port + 1;
			}
			ports.put(service, servicePorts);
		}
		return ports;
	}

	private static Map<String, String> serviceProperties(LocalStackSettings settings, String service, int index,
			Map<String, String> common) {
		Map<String, String> properties = new LinkedHashMap<>(common);
		String id = service + "-" + index;
		if ("publisher".equals(service)) {
			properties.put("newsroom.publisher.security.accounts-file",
					settings.home().resolve("publisher-accounts.json").toString());
		}
		if ("notifier".equals(service)) {
			// Editors sign in to the deliveries API with their publisher accounts.
			properties.put("newsroom.notifier.security.accounts-file",
					settings.home().resolve("publisher-accounts.json").toString());
		}
		if ("console".equals(service)) {
			properties.put("newsroom.console.publisher-url", "http://localhost:" + settings.portOf("publisher"));
			properties.put("newsroom.console.view-counter-url", "http://localhost:" + settings.portOf("view-counter"));
			properties.put("newsroom.console.notifier-url", "http://localhost:" + settings.portOf("notifier"));
		}
		if ("view-counter".equals(service)) {
			properties.put("spring.kafka.streams.state-dir",
					settings.home().resolve("view-counter-state").resolve(id).toString());
		}
		return properties;
	}

	private static ServiceInstance instance(LocalStackSettings settings, String service, int index, int port,
			Map<String, String> properties, Map<String, String> environment) {
		Path jar = settings.jarOf(service);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No " + jar + ": build it first with ./mvnw -DskipTests package");
		}
		Map<String, String> env = new LinkedHashMap<>(environment);
		env.put("NEWSROOM_INSTANCE_ID", service + "-" + index);
		// glibc's many malloc arenas hold memory that a small JVM never gives back.
		env.put("MALLOC_ARENA_MAX", "2");
		return new ServiceInstance(service, index, port, settings.jvmOptionsOf(service),
				List.of("-jar", jar.toString()), properties, env, settings.home());
	}

	/**
	 * Prepares each service's class-data archive (once per build, two at a time) and
	 * launches every instance from it.
	 */
	private static List<ServiceInstance> withClassDataSharing(LocalStackSettings settings,
			List<ServiceInstance> instances) {
		if (!settings.classDataSharing()) {
			return instances;
		}
		ClassDataSharing cds = new ClassDataSharing(settings.classDataDir());
		Map<String, ServiceInstance> prepared = new ConcurrentHashMap<>();
		Path training = settings.classDataDir().resolve("training");
		Map<String, String> trainingProperties = Map.of("newsroom.publisher.security.accounts-file",
				training.resolve("publisher-accounts.json").toString(), "spring.kafka.streams.state-dir",
				training.resolve("view-counter-state").toString());
		List<ServiceInstance> firsts = instances.stream().filter((instance) -> instance.index() == 1).toList();
		new ForkJoinPool(2)
			.submit(() -> firsts.parallelStream()
				.forEach((first) -> prepared.put(first.service(),
						cds.prepare(first, settings.jarOf(first.service()), trainingProperties))))
			.join();
		return instances.stream().map((instance) -> {
			ServiceInstance first = prepared.get(instance.service());
			return instance.launchedWith(first.jvmOptions(), first.launch());
		}).toList();
	}

	private static List<SupervisedService> startAll(Supervisor supervisor, List<ServiceInstance> instances)
			throws IOException {
		List<SupervisedService> started = new ArrayList<>();
		for (ServiceInstance instance : instances) {
			logger.info("Starting {} on port {}", instance.id(), instance.port());
			started.add(supervisor.start(instance));
		}
		return started;
	}

	private static void awaitFirstStarts(List<SupervisedService> services) {
		services.forEach(SupervisedService::awaitFirstStart);
	}

	private static String banner(LocalStackSettings settings, String bootstrapServers, List<SupervisedService> services,
			Duration took) {
		StringBuilder banner = new StringBuilder(
				String.format("%n%nNewsroom is up in %.1f s.%n", took.toMillis() / 1000.0));
		banner.append(String.format("  %-18s http://localhost:%d   <- sign in here with a publisher account%n",
				"Editors' console", settings.portOf("console")));
		banner.append(String.format("  %-18s %s%n", "Kafka", bootstrapServers));
		for (SupervisedService service : services) {
			ServiceInstance instance = service.instance();
			if (!"console".equals(instance.service())) {
				banner.append(
						String.format("  %-18s %s%s%n", instance.id(), instance.url(), pathsOf(instance.service())));
			}
		}
		banner
			.append(String.format("Registry writes need the credentials in %s.%n", settings.registryCredentialsFile()));
		banner.append(String.format("Logs in %s. Crashed services are restarted; './run-local status' prints "
				+ "their state. Press Ctrl-C to stop.%n", settings.logDir()));
		return banner.toString();
	}

	private static String pathsOf(String service) {
		return switch (service) {
			case "publisher" -> "/api/articles";
			case "view-counter" -> "/api/views  and  /api/articles/{id}/views";
			case "feeds" -> "/v1/stream/articles";
			case "notifier", "schema-registry" -> "/actuator/health";
			default -> "";
		};
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
