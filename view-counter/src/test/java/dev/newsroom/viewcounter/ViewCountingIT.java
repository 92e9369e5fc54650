package dev.newsroom.viewcounter;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.schemas.Topics;
import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;
import dev.newsroom.support.kafka.DeadLetters;
import dev.newsroom.testsupport.EmbeddedStack;
import dev.newsroom.testsupport.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Views through the beacon become exact counts, against a real broker, the real registry
 * and the real streams application (exactly-once).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ViewCountingIT {

	static final String DEAD_LETTERS = "newsroom.page-views.view-counter-dlt";

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path stateDir;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	ViewCountingIT(@LocalServerPort int port) {
		this.port = port;
	}

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		EmbeddedStack.register(registry);
		registry.add("spring.kafka.streams.state-dir", stateDir::toString);
	}

	@BeforeEach
	void awaitCountsReadable() {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(countResponse("any").statusCode()).as("streams application running")
				.isEqualTo(200));
	}

	@Test
	void viewsFromTheBeaconBecomeTheArticlesCount() throws Exception {
		String articleId = "article-" + UUID.randomUUID();
		assertThat(count(articleId).path("views").asLong()).isZero();

		HttpResponse<String> first = beacon("application/json", "{\"articleId\":\"" + articleId + "\"}", null);
		assertThat(first.statusCode()).isEqualTo(202);
		String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("nr_vid=").contains("HttpOnly");
		assertThat(beacon("text/plain;charset=UTF-8", "{\"articleId\":\"" + articleId + "\"}",
				cookie.substring(0, cookie.indexOf(';')))
			.statusCode()).isEqualTo(202);
		assertThat(beacon("application/json", "{\"articleId\":\"" + articleId + "\",\"visitorId\":\"v-42\"}", null)
			.statusCode()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(count(articleId).path("views").asLong()).isEqualTo(3));
		assertCountOnTopic(articleId, 3);
	}

	@Test
	void pageViewThatCannotBeReadIsDeadLetteredAndCountingGoesOn() throws Exception {
		String articleId = "article-" + UUID.randomUUID();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.PAGE_VIEWS, articleId, "not avro".getBytes(StandardCharsets.UTF_8)))
				.get();
		}
		assertThat(beacon("application/json", "{\"articleId\":\"" + articleId + "\"}", null).statusCode())
			.isEqualTo(202);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(count(articleId).path("views").asLong()).isEqualTo(1));
		ConsumerRecord<byte[], byte[]> dead = deadLetterFor(articleId);
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
		assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.PAGE_VIEWS);
		assertThat(header(dead, DeadLetters.REASON_HEADER)).contains("magic byte").contains(Topics.PAGE_VIEWS);
	}

	@Test
	void invalidBeaconIsAProblemAndRecordsNothing() throws Exception {
		HttpResponse<String> response = beacon("application/json", "{\"articleId\":\"no spaces allowed\"}", null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(response.body()).path("errors").get(0).path("field").asString())
			.isEqualTo("articleId");
		assertThat(count("no spaces allowed").path("views").asLong()).isZero();

		HttpResponse<String> garbled = beacon("text/plain", "articleId=a-1", null);
		assertThat(garbled.statusCode()).isEqualTo(400);
		assertThat(garbled.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private HttpResponse<String> beacon(String contentType, String body, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/views"))
			.header("Content-Type", contentType)
			.POST(BodyPublishers.ofString(body));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private JsonNode count(String articleId) throws Exception {
		HttpResponse<String> response = countResponse(articleId);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> countResponse(String articleId) throws Exception {
		URI uri = URI.create("http://localhost:" + this.port + "/api/articles/"
				+ URLEncoder.encode(articleId, StandardCharsets.UTF_8).replace("+", "%20") + "/views");
		return this.http.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
	}

	private static void assertCountOnTopic(String articleId, long views) {
		TopicRecords.read(Topics.ARTICLE_VIEW_COUNTS, new StringDeserializer(),
				new SpecificAvroDeserializer<>(ArticleViewCount.class,
						new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl())),
				(record) -> articleId.equals(record.key()) && record.value().getViews() == views, 1);
	}

	private static ConsumerRecord<byte[], byte[]> deadLetterFor(String articleId) {
		return TopicRecords
			.read(DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
					(record) -> articleId.equals(new String(record.key(), StandardCharsets.UTF_8)), 1)
			.get(0);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
