package dev.newsroom.localstack;

import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which ports it uses. Each can be changed with
 * a system property, such as {@code -Dnewsroom.kafka.port=19092}.
 *
 * @param repository the repository root, where the services' jars are built
 * @param home where data and logs are kept ({@code newsroom.home}, default
 * {@code .newsroom})
 * @param kafkaPort the broker's client port ({@code newsroom.kafka.port}, 9092)
 * @param kafkaControllerPort the controller port ({@code newsroom.kafka.controller-port},
 * 9093)
 * @param registryPort ({@code newsroom.registry.port}, 8081)
 * @param publisherPort ({@code newsroom.publisher.port}, 8082)
 * @param viewCounterPort ({@code newsroom.view-counter.port}, 8083)
 * @param notifierPort ({@code newsroom.notifier.port}, 8084)
 * @param siteUrl the public site's URL, for canonical URLs and CORS
 * ({@code newsroom.site-url}, http://localhost:8080)
 */
record LocalStackSettings(Path repository, Path home, int kafkaPort, int kafkaControllerPort, int registryPort,
		int publisherPort, int viewCounterPort, int notifierPort, String siteUrl) {

	static LocalStackSettings fromSystemProperties() {
		Path repository = Path.of(System.getProperty("newsroom.repository", ".")).toAbsolutePath().normalize();
		return new LocalStackSettings(repository,
				Path.of(System.getProperty("newsroom.home", repository.resolve(".newsroom").toString())),
				Integer.getInteger("newsroom.kafka.port", 9092),
				Integer.getInteger("newsroom.kafka.controller-port", 9093),
				Integer.getInteger("newsroom.registry.port", 8081), Integer.getInteger("newsroom.publisher.port", 8082),
				Integer.getInteger("newsroom.view-counter.port", 8083),
				Integer.getInteger("newsroom.notifier.port", 8084),
				System.getProperty("newsroom.site-url", "http://localhost:8080"));
	}

	Path kafkaDir() {
		return this.home.resolve("kafka");
	}

	Path logDir() {
		return this.home.resolve("logs");
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
