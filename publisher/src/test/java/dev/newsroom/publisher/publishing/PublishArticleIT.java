package dev.newsroom.publisher.publishing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.schemas.Topics;
import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;
import dev.newsroom.testsupport.EmbeddedStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publishing through the HTTP API against a real broker and Newsroom's real registry.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "newsroom.publisher.site-url=https://news.example")
class PublishArticleIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String VALID = """
			{
			  "edition": "en",
			  "section": "politics",
			  "slug": "budget-passes",
			  "title": "Budget <passes> & more",
			  "lead": "Parliament approved the budget.",
			  "body": "<p>In a late vote...</p>",
			  "authors": [{"name": "Jane Doe"}],
			  "tags": ["budget", "parliament"],
			  "heroImage": {"url": "https://img.example/parliament.jpg", "caption": "The chamber"},
			  "breaking": true
			}
			""";

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	PublishArticleIT(@LocalServerPort int port) {
		this.port = port;
	}

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		EmbeddedStack.register(registry);
	}

	@Test
	void publishedArticleIsAcknowledgedAndItsEventIsOnTheCompactedTopicDecodableWithTheRegistry() throws Exception {
		HttpResponse<String> response = post(VALID, "editor-7");

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode body = json.readTree(response.body());
		String id = body.path("id").asString();
		assertThat(body.path("version").asLong()).isEqualTo(1);
		assertThat(body.path("canonicalUrl").asString()).isEqualTo("https://news.example/en/politics/budget-passes");
		assertThat(body.path("topic").asString()).isEqualTo(Topics.ARTICLES);

		TopicPartition partition = new TopicPartition(Topics.ARTICLES, body.path("partition").asInt());
		long offset = body.path("offset").asLong();
		ConsumerRecord<String, byte[]> record = readAt(partition, offset);
		assertThat(record.key()).isEqualTo(id);
		byte[] bytes = record.value();
		assertThat(bytes[0]).as("Confluent magic byte").isZero();
		HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl());
		assertThat(registry.getById(ByteBuffer.wrap(bytes, 1, 4).getInt())).isEqualTo(ArticleEvent.getClassSchema());

		ArticleEvent event = new SpecificAvroDeserializer<>(ArticleEvent.class, registry).deserialize(Topics.ARTICLES,
				bytes);
		assertThat(event.getEventId()).isEqualTo(body.path("eventId").asString());
		assertThat(event.getType()).isEqualTo(ArticleEventType.PUBLISHED);
		assertThat(event.getActor()).isEqualTo("editor-7");
		assertThat(event.getArticle().getId()).isEqualTo(id);
		assertThat(event.getArticle().getTitle()).isEqualTo("Budget <passes> & more");
		assertThat(event.getArticle().getAuthors()).singleElement()
			.satisfies((author) -> assertThat(author.getName()).isEqualTo("Jane Doe"));
		assertThat(event.getArticle().getTags()).containsExactly("budget", "parliament");
		assertThat(event.getArticle().getHeroImage().getCaption()).isEqualTo("The chamber");
		assertThat(event.getArticle().getBreaking()).isTrue();
		assertThat(event.getArticle().getPublishedAt()).isEqualTo(event.getOccurredAt());
	}

	@Test
	void articlesTopicIsCompacted() throws Exception {
		try (Admin admin = admin()) {
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES);
			Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
			assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
		}
	}

	@Test
	void invalidFieldsGiveAProblemListingEachFieldAndNoEvent() throws Exception {
		Map<TopicPartition, Long> before = endOffsets();
		String invalid = VALID.replace("\"en\"", "\"English\"")
			.replace("budget-passes", "Budget Passes")
			.replace("\"Budget <passes> & more\"", "\"  \"");

		HttpResponse<String> response = post(invalid, null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
		Set<String> fields = new java.util.TreeSet<>();
		problem.path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		assertThat(fields).containsExactly("edition", "slug", "title");
		problem.path("errors").forEach((error) -> assertThat(error.path("message").asString()).isNotBlank());
		assertThat(endOffsets()).isEqualTo(before);
	}

	@Test
	void malformedJsonGivesAProblemAndNoEvent() throws Exception {
		Map<TopicPartition, Long> before = endOffsets();

		HttpResponse<String> response = post("{\"edition\": \"en\", \"title\": ", null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("title").asString()).isEqualTo("Unreadable request");
		assertThat(problem.path("detail").asString()).startsWith("The request body is not the JSON expected");
		assertThat(endOffsets()).isEqualTo(before);
	}

	@Test
	void invalidEditorHeaderIsRefused() throws Exception {
		Map<TopicPartition, Long> before = endOffsets();
		HttpResponse<String> response = post(VALID, "<script>");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(endOffsets()).isEqualTo(before);
	}

	private HttpResponse<String> post(String body, String editor) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/articles"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body));
		if (editor != null) {
			request.header("X-Newsroom-Editor", editor);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private static ConsumerRecord<String, byte[]> readAt(TopicPartition partition, long offset) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seek(partition, offset);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				assertThat(records).isNotEmpty();
			});
			return records.get(0);
		}
	}

	private static Map<TopicPartition, Long> endOffsets() throws Exception {
		try (Admin admin = admin()) {
			int partitions = admin.describeTopics(List.of(Topics.ARTICLES))
				.allTopicNames()
				.get()
				.get(Topics.ARTICLES)
				.partitions()
				.size();
			Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
			for (int p = 0; p < partitions; p++) {
				latest.put(new TopicPartition(Topics.ARTICLES, p), OffsetSpec.latest());
			}
			return admin.listOffsets(latest)
				.all()
				.get()
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entryOffset(entry.getValue())));
		}
	}

	private static long entryOffset(ListOffsetsResultInfo info) {
		return info.offset();
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()));
	}

}
