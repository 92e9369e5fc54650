package dev.newsroom.testsupport;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

import dev.newsroom.registry.SchemaRegistryApplication;

/**
 * An in-process KRaft Kafka broker and Newsroom's schema registry running against it,
 * started on first use and shared by every integration test in the JVM. Both are the real
 * thing: the broker is Apache Kafka's, the registry is the one Newsroom ships, and it
 * takes changes only from its one user, whose password is made up anew in every JVM.
 * <p>
 * Use it from {@code @DynamicPropertySource} with {@link #register}. A test that writes
 * to the registry itself passes {@link #registryUserInfo()}: as
 * {@code basic.auth.user.info} to a serializer, or to the registry client's constructor.
 */
public final class EmbeddedStack {

	/** Broker settings for a single node that must still run transactions. */
	static final Map<String, String> BROKER_PROPERTIES = Map.of("transaction.state.log.replication.factor", "1",
			"transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1", "auto.create.topics.enable",
			"false", "group.initial.rebalance.delay.ms", "0");

	private static final String SERVICE_PROBLEM_DETAILS = "dev.newsroom.support.web.ProblemDetailsAutoConfiguration";

	private static final String REGISTRY_USER = "embedded-stack";

	private static final String REGISTRY_PASSWORD = randomPassword();

	/** Only the hash is configured, as in production. */
	private static final String REGISTRY_PASSWORD_HASH = "{bcrypt}"
			+ new BCryptPasswordEncoder().encode(REGISTRY_PASSWORD);

	private static Running running;

	private EmbeddedStack() {
	}

	/**
	 * Points a Spring Boot test's Kafka clients and serdes at the stack, with the
	 * registry user's credentials.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", EmbeddedStack::bootstrapServers);
		registry.add("spring.kafka.properties.schema.registry.url", EmbeddedStack::schemaRegistryUrl);
		registry.add("spring.kafka.properties.basic.auth.user.info", EmbeddedStack::registryUserInfo);
	}

	/**
	 * @return the broker's bootstrap servers, starting the stack if needed
	 */
	public static String bootstrapServers() {
		return running().broker.getBrokersAsString();
	}

	/**
	 * @return the schema registry's base URL, starting the stack if needed
	 */
	public static String schemaRegistryUrl() {
		return running().registryUrl;
	}

	/**
	 * The credentials that the stack's registries take changes from (POST, PUT, DELETE);
	 * reads need none.
	 * @return {@code user:password}, for {@code basic.auth.user.info}
	 */
	public static String registryUserInfo() {
		return REGISTRY_USER + ":" + REGISTRY_PASSWORD;
	}

	/**
	 * Creates topics of one partition, unless they exist. The broker does not create
	 * topics on first use, so that a service that forgets to declare its topics fails its
	 * tests.
	 * @param topics the topic names
	 */
	public static void createTopics(String... topics) {
		running().broker.addTopicsWithResults(topics);
	}

	/**
	 * Starts another registry against the stack's broker, for a test that must stop and
	 * start a registry without disturbing the shared one. It has the same user as the
	 * shared one ({@link #registryUserInfo()}).
	 * @param port the HTTP port, or 0 for any free one
	 * @param storeTopic the topic that holds its state
	 * @return the running registry; close it to stop it
	 */
	public static ConfigurableApplicationContext startSchemaRegistry(int port, String storeTopic) {
		return startSchemaRegistry(bootstrapServers(), port, storeTopic);
	}

	private static ConfigurableApplicationContext startSchemaRegistry(String bootstrapServers, int port,
			String storeTopic) {
		return SchemaRegistryApplication.builder()
			.properties("server.port=" + port, "spring.kafka.bootstrap-servers=" + bootstrapServers,
					"newsroom.registry.topic=" + storeTopic, "newsroom.registry.topic-replication-factor=1",
					"newsroom.registry.auth.users." + REGISTRY_USER + "=" + REGISTRY_PASSWORD_HASH,
					"spring.main.banner-mode=off",
					// The services' test classpath holds their own web error handling;
					// the registry answers with Confluent's error bodies instead.
					"spring.autoconfigure.exclude=" + SERVICE_PROBLEM_DETAILS)
			.run();
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static synchronized Running running() {
		if (running == null) {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
			broker.brokerProperties(BROKER_PROPERTIES);
			broker.afterPropertiesSet();
			ConfigurableApplicationContext registry = startSchemaRegistry(broker.getBrokersAsString(), 0, "_schemas");
			int port = ((WebServerApplicationContext) registry).getWebServer().getPort();
			running = new Running(broker, registry, "http://localhost:" + port);
			Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "embedded-stack-shutdown"));
		}
		return running;
	}

	private record Running(EmbeddedKafkaKraftBroker broker, ConfigurableApplicationContext registry,
			String registryUrl) {

		void stop() {
			this.registry.close();
			this.broker.destroy();
		}

	}

}
