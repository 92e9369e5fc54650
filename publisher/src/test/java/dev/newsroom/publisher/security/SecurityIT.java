package dev.newsroom.publisher.security;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.newsroom.schemas.Topics;
import dev.newsroom.testsupport.AsyncApiContract;
import dev.newsroom.testsupport.EmbeddedStack;

import static dev.newsroom.publisher.security.PublisherClient.bearer;
import static dev.newsroom.publisher.security.PublisherClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher as deployed, against a real broker: health is open to probes, and an
 * article sent without valid credentials is refused before any controller runs, so
 * nothing reaches the articles topic.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// Closed after its tests, while the shared broker still runs: at JVM exit it would wait
// for
// the broker that another shutdown hook is stopping.
@DirtiesContext
class SecurityIT {

	static final TestAccounts accounts = TestAccounts.create().add("admin", Role.ADMIN);

	private static final String ARTICLE = """
			{"edition":"en","section":"politics","slug":"unsigned","title":"T","lead":"L","body":"<p>B</p>"}
			""";

	private final PublisherClient publisher;

	SecurityIT(@LocalServerPort int port) {
		this.publisher = new PublisherClient(port);
	}

	@DynamicPropertySource
	static void stack(DynamicPropertyRegistry registry) {
		EmbeddedStack.register(registry);
		accounts.register(registry);
	}

	@Test
	void theTopicsContractIsOpenToAnyoneAndMatchesTheTopicsThePublisherCreated(@Autowired ApplicationContext context)
			throws Exception {
		HttpResponse<String> document = this.publisher.get("/asyncapi.yaml", null);
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/yaml"));
		try (InputStream kept = getClass().getClassLoader().getResourceAsStream(AsyncApiContract.LOCATION)) {
			assertThat(document.body()).isEqualTo(new String(kept.readAllBytes(), StandardCharsets.UTF_8));
		}
		HttpResponse<String> schema = this.publisher.get("/avro/ArticleEvent.avsc", null);
		assertThat(schema.statusCode()).isEqualTo(200);
		assertThat(schema.body()).contains("\"name\": \"ArticleEvent\"");
		// The publisher declares its topics in one KafkaAdmin.NewTopics bean, which does
		// not show them: check them as created.
		try (Admin admin = Admin.create(context.getBean(KafkaAdmin.class).getConfigurationProperties())) {
			AsyncApiContract.load().assertCreatedBy("publisher", admin);
		}
	}

	@Test
	void healthIsOpenToProbes() {
		// Ready once the catalogue has been replayed, which happens after the context
		// starts.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.publisher.get("/actuator/health/readiness", null).statusCode())
				.isEqualTo(200));
	}

	@Test
	void articleWithoutValidCredentialsIsRefusedAndNothingIsPublished() {
		Map<TopicPartition, Long> before = endOffsets();

		problem(this.publisher.send("POST", "/api/articles", null, ARTICLE), 401, SecurityProblems.UNAUTHENTICATED);
		problem(this.publisher.send("POST", "/api/articles", bearer(Secrets.newToken()), ARTICLE), 401,
				SecurityProblems.UNAUTHENTICATED);
		problem(this.publisher.send("POST", "/api/articles", TestAccounts.basic("admin", Secrets.newPassword()),
				ARTICLE), 401, SecurityProblems.UNAUTHENTICATED);

		assertThat(endOffsets()).isEqualTo(before);
	}

	private static Map<TopicPartition, Long> endOffsets() {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			return consumer.endOffsets(consumer.partitionsFor(Topics.ARTICLES)
				.stream()
				.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
				.toList());
		}
	}

}
