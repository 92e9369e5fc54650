package dev.newsroom.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its data, which ports it uses and how it runs the services'
 * JVMs. Each can be changed with a system property, such as
 * {@code -Dnewsroom.kafka.port=19092}.
 *
 * @param repository the repository root, where the services' jars are built
 * @param home where data and logs are kept ({@code newsroom.home}, default
 * {@code .newsroom})
 * @param kafkaPort the broker's client port ({@code newsroom.kafka.port}, 9092)
 * @param kafkaControllerPort the controller port ({@code newsroom.kafka.controller-port},
 * 9093)
 * @param registryPort ({@code newsroom.registry.port}, 8081)
 * @param publisherPort the first publisher's port ({@code newsroom.publisher.port}, 8082)
 * @param viewCounterPort the first view counter's port
 * ({@code newsroom.view-counter.port}, 8083)
 * @param notifierPort the first notifier's port ({@code newsroom.notifier.port}, 8084)
 * @param feedsPort the first feeds service's port ({@code newsroom.feeds.port}, 8085)
 * @param consolePort the editors' console's port ({@code newsroom.console.port}, 8086)
 * @param siteUrl the public site's URL, for canonical URLs and CORS
 * ({@code newsroom.site-url}, http://localhost:8080)
 * @param serviceJvmOptions the options of each service's JVM
 * ({@code newsroom.service-jvm-options}, space-separated; {@link #DEFAULT_JVM_OPTIONS})
 * @param classDataSharing whether services start from a class-data archive
 * ({@code newsroom.cds}, true)
 */
record LocalStackSettings(Path repository, Path home, int kafkaPort, int kafkaControllerPort, int registryPort,
		int publisherPort, int viewCounterPort, int notifierPort, int feedsPort, int consolePort, String siteUrl,
		List<String> serviceJvmOptions, boolean classDataSharing) {

	/**
	 * The services' JVM options, chosen from measurement (see the stack-start benchmark):
	 * a heap that holds each service's live set several times over, the serial collector,
	 * which suits small heaps on few cores, smaller thread stacks and code cache, and
	 * both JIT compilers, so that benchmarks run on these processes measure real speed. A
	 * service that runs out of memory exits and is restarted.
	 */
	static final String DEFAULT_JVM_OPTIONS = "-XX:+UseSerialGC -Xms24m -Xmx192m -Xss512k "
			+ "-XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -XX:+ExitOnOutOfMemoryError";

	/**
	 * Options added to {@link #DEFAULT_JVM_OPTIONS} for one service, where its live set
	 * needs them. The view counter under load holds the User-Agent classifier's matchers
	 * (about 100 MB), the beacon limiter's buckets for up to 100,000 readers and the
	 * producer's 32 MB buffer: it measured 166 MB live with the 192 MB cap, where it
	 * spent its time in full collections and took a tenth of the beacons it takes with
	 * 512 MB. The publisher, the feeds and the notifier hold every article (and the
	 * notifier every delivery) in memory, rebuilt from the topics at start: with 28,958
	 * articles of about 2 KB of body each they measured 179, 119 and 83 MB live, so with
	 * 192 MB the publisher ran out of memory at every start from about 30,000 articles
	 * on. Set {@code newsroom.<service>.jvm-options} to change them.
	 */
	static final Map<String, String> DEFAULT_SERVICE_JVM_OPTIONS = Map.of("view-counter", "-Xmx512m", "publisher",
			"-Xmx512m", "feeds", "-Xmx512m", "notifier", "-Xmx512m");

	/**
	 * @param service a service's name
	 * @return the options of its JVM: the services' options, then its own
	 * ({@code newsroom.<service>.jvm-options}, {@link #DEFAULT_SERVICE_JVM_OPTIONS})
	 */
	List<String> jvmOptionsOf(String service) {
		List<String> options = new ArrayList<>(this.serviceJvmOptions);
		Arrays
			.stream(System.getProperty("newsroom." + service + ".jvm-options",
					DEFAULT_SERVICE_JVM_OPTIONS.getOrDefault(service, ""))
				.trim()
				.split("\\s+"))
			.filter((option) -> !option.isEmpty())
			.forEach(options::add);
		return options;
	}

	static LocalStackSettings fromSystemProperties() {
		Path repository = Path.of(System.getProperty("newsroom.repository", ".")).toAbsolutePath().normalize();
		return new LocalStackSettings(repository,
				Path.of(System.getProperty("newsroom.home", repository.resolve(".newsroom").toString()))
					.toAbsolutePath()
					.normalize(),
				Integer.getInteger("newsroom.kafka.port", 9092),
				Integer.getInteger("newsroom.kafka.controller-port", 9093),
				Integer.getInteger("newsroom.registry.port", 8081), Integer.getInteger("newsroom.publisher.port", 8082),
				Integer.getInteger("newsroom.view-counter.port", 8083),
				Integer.getInteger("newsroom.notifier.port", 8084), Integer.getInteger("newsroom.feeds.port", 8085),
				Integer.getInteger("newsroom.console.port", 8086),
				System.getProperty("newsroom.site-url", "http://localhost:8080"),
				Arrays.stream(
						System.getProperty("newsroom.service-jvm-options", DEFAULT_JVM_OPTIONS).trim().split("\\s+"))
					.filter((option) -> !option.isEmpty())
					.toList(),
				Boolean.parseBoolean(System.getProperty("newsroom.cds", "true")));
	}

	/**
	 * @param service a service's name
	 * @return the port of its first instance
	 */
	int portOf(String service) {
		return switch (service) {
			case "schema-registry" -> this.registryPort;
			case "publisher" -> this.publisherPort;
			case "view-counter" -> this.viewCounterPort;
			case "notifier" -> this.notifierPort;
			case "feeds" -> this.feedsPort;
			case "console" -> this.consolePort;
			default -> throw new IllegalArgumentException("No service named " + service);
		};
	}

	/**
	 * @param service a service's name
	 * @return the system property that sets the port of its first instance
	 */
	static String portProperty(String service) {
		return "schema-registry".equals(service) ? "newsroom.registry.port" : "newsroom." + service + ".port";
	}

	Path kafkaDir() {
		return this.home.resolve("kafka");
	}

	Path logDir() {
		return this.home.resolve("logs");
	}

	Path statusFile() {
		return this.home.resolve("status");
	}

	Path classDataDir() {
		return this.home.resolve("cds");
	}

	/**
	 * @return where the registry user of the services is kept
	 */
	Path registryCredentialsFile() {
		return this.home.resolve("registry-credentials.properties");
	}

	/**
	 * The executable jar of a module. The registry's carries the classifier {@code exec},
	 * since its plain jar is also a library for the tests.
	 * @param module the module
	 * @return the path of its executable jar
	 */
	Path jarOf(String module) {
		String jar = "schema-registry".equals(module) ? module + "-exec.jar" : module + ".jar";
		return this.repository.resolve(module).resolve("target").resolve(jar);
	}

}
