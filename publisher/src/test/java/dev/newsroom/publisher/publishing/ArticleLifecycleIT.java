package dev.newsroom.publisher.publishing;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.publisher.lifecycle.Partitions;
import dev.newsroom.publisher.support.Editors;
import dev.newsroom.publisher.support.PublisherClient;
import dev.newsroom.publisher.support.PublisherTopics;
import dev.newsroom.schemas.Topics;
import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;
import dev.newsroom.support.kafka.TraceParents;
import dev.newsroom.testsupport.DashboardContract;
import dev.newsroom.testsupport.EmbeddedStack;

import static dev.newsroom.publisher.support.PublisherClient.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An article's whole life through the HTTP API, against a real broker and Newsroom's real
 * registry: each change is an event on the topics, and every refused request leaves every
 * topic as it was.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "newsroom.publisher.site-url=https://news.example")
// Closed after its tests, while the shared broker still runs: at JVM exit it would wait
// for
// the broker that another shutdown hook is stopping.
@DirtiesContext
class ArticleLifecycleIT {

	private final int port;

	private PublisherClient editor;

	private PublisherClient writer;

	ArticleLifecycleIT(@LocalServerPort int port) {
		this.port = port;
	}

	@DynamicPropertySource
	static void stack(DynamicPropertyRegistry registry) {
		EmbeddedStack.register(registry);
		registry.add("newsroom.publisher.security.accounts-file", () -> Editors.accountsFile().toString());
	}

	@BeforeEach
	void signIn() {
		this.editor = PublisherClient.signIn(this.port, Editors.EDITOR);
		this.writer = PublisherClient.signIn(this.port, Editors.WRITER);
	}

	@Test
	void theTraceOfThePublishRequestGoesWithItsEventOntoBothTopics() {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		HttpResponse<String> response = this.editor.send("POST", "/api/articles", article(slug()), "traceparent",
				"00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode body = read(response);
		String id = body.path("id").asString();

		ConsumerRecord<String, byte[]> article = recordAt(
				new TopicPartition(Topics.ARTICLES, body.path("partition").asInt()), body.path("offset").asLong());
		assertThat(TraceParents.traceId(TraceParents.of(article))).as("trace of the event on %s", Topics.ARTICLES)
			.isEqualTo(traceId);
		ConsumerRecord<String, byte[]> change = firstRecord(
				new TopicPartition(Topics.ARTICLE_CHANGES,
						Partitions.of(id, Topics.declaration(Topics.ARTICLE_CHANGES).partitions())),
				0, (record) -> record.key().equals(id));
		assertThat(TraceParents.traceId(TraceParents.of(change))).as("trace of the event on %s", Topics.ARTICLE_CHANGES)
			.isEqualTo(traceId);
	}

	@Test
	void publishedArticleIsAcknowledgedAndItsEventIsOnTheTopicsDecodableWithTheRegistry() throws Exception {
		HttpResponse<String> response = this.editor.send("POST", "/api/articles", article(slug()));

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode body = read(response);
		String id = body.path("id").asString();
		assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
		assertThat(response.headers().firstValue("Location")).hasValue("/api/articles/" + id);
		assertThat(body.path("version").asLong()).isEqualTo(1);
		assertThat(body.path("status").asString()).isEqualTo("PUBLISHED");
		assertThat(body.path("canonicalUrl").asString()).startsWith("https://news.example/en/politics/");
		assertThat(body.path("topic").asString()).isEqualTo(Topics.ARTICLES);

		ArticleEvent event = eventAt(new TopicPartition(Topics.ARTICLES, body.path("partition").asInt()),
				body.path("offset").asLong());
		assertThat(event.getEventId()).isEqualTo(body.path("eventId").asString());
		assertThat(event.getType()).isEqualTo(ArticleEventType.PUBLISHED);
		assertThat(event.getActor()).as("the signed-in editor").isEqualTo(Editors.EDITOR);
		assertThat(event.getArticle().getTitle()).isEqualTo("Budget <passes> & more");
		assertThat(event.getArticle().getBody()).isEqualTo("<p>In a late vote</p>");
		assertThat(event.getArticle().getPublishedAt()).isEqualTo(event.getOccurredAt());

		HttpResponse<String> read = this.editor.send("GET", "/api/articles/" + id, null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
		assertThat(read(read).path("title").asString()).isEqualTo("Budget <passes> & more");
		assertThat(this.editor.send("GET", "/api/articles/" + id, null, "If-None-Match", "\"1\"").statusCode())
			.isEqualTo(304);
	}

	@Test
	void theDashboardsMetricsOfThePublisherAreScrapedByPrometheusWithoutSigningIn() {
		created(article(slug()));
		HttpResponse<String> scrape = PublisherClient.withAuthorization(this.port, null)
			.send("GET", "/actuator/prometheus", null);
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body())
			.containsPattern("newsroom_publisher_article_events_total\\{.*type=\"PUBLISHED\".*\\} [1-9]");
		// The lag of the read models' own consumer, besides the writers'.
		assertThat(scrape.body()).containsPattern(
				"kafka_consumer_fetch_manager_records_lag_max\\{.*client_id=\"publisher-read-models-[0-9]+\".*\\}");
		DashboardContract.load().assertScraped("publisher", scrape.body());
	}

	@Test
	void topicsAreCompactedAndAppendOnlyWithMinInsyncReplicasSet() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()))) {
			ConfigResource articles = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES);
			ConfigResource changes = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLE_CHANGES);
			Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(articles, changes)).all().get();
			assertThat(configs.get(articles).get("cleanup.policy").value()).isEqualTo("compact");
			assertThat(configs.get(articles).get("min.insync.replicas").source())
				.isEqualTo(org.apache.kafka.clients.admin.ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
			assertThat(configs.get(changes).get("cleanup.policy").value()).isEqualTo("delete");
			assertThat(configs.get(changes).get("retention.ms").value()).isEqualTo("-1");
		}
	}

	@Test
	void correctionNeedsTheCurrentVersionAndIsRecordedWithItsNote() {
		String id = created(article(slug()));
		var before = PublisherTopics.endOffsets(PublisherTopics.ALL);

		HttpResponse<String> missing = this.editor.send("PUT", "/api/articles/" + id, corrected(id));
		assertThat(missing.statusCode()).isEqualTo(428);
		assertProblem(missing, "precondition-required");
		HttpResponse<String> stale = this.editor.send("PUT", "/api/articles/" + id, corrected(id), "If-Match", "\"0\"");
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(read(stale).path("currentVersion").asLong()).isEqualTo(1);
		assertThat(PublisherTopics.endOffsets(PublisherTopics.ALL)).as("nothing written").isEqualTo(before);

		HttpResponse<String> correction = this.editor.send("PUT", "/api/articles/" + id, corrected(id), "If-Match",
				"\"1\"");
		assertThat(correction.statusCode()).isEqualTo(200);
		assertThat(read(correction).path("event").asString()).isEqualTo("UPDATED");
		assertThat(correction.headers().firstValue("ETag")).hasValue("\"2\"");
		JsonNode article = read(this.editor.send("GET", "/api/articles/" + id, null));
		assertThat(article.path("title").asString()).isEqualTo("Budget passes 71-30");
		assertThat(article.path("corrections").get(0).path("note").asString())
			.isEqualTo("An earlier version gave the wrong vote count.");

		HttpResponse<String> silent = this.editor.send("PUT", "/api/articles/" + id,
				corrected(id).replace("\"kind\":\"correction\"", "\"kind\":\"silent-fix\""), "If-Match", "\"2\"");
		assertThat(silent.statusCode()).isEqualTo(200);
		assertThat(read(this.editor.send("GET", "/api/articles/" + id, null)).path("corrections").size()).isEqualTo(1);
	}

	@Test
	void unpublishedArticleAnswers410WithTheReasonAndCannotBeUnpublishedAgain() {
		String id = created(article(slug()));
		HttpResponse<String> unpublished = this.editor.send("POST", "/api/articles/" + id + "/unpublish",
				"{\"reason\":\"Legal request from the court\"}", "If-Match", "\"1\"");
		assertThat(unpublished.statusCode()).isEqualTo(200);
		assertThat(read(unpublished).path("event").asString()).isEqualTo("UNPUBLISHED");

		HttpResponse<String> gone = this.editor.send("GET", "/api/articles/" + id, null);
		assertThat(gone.statusCode()).isEqualTo(410);
		assertThat(read(gone).path("reason").asString()).isEqualTo("Legal request from the court");

		var before = PublisherTopics.endOffsets(PublisherTopics.ALL);
		HttpResponse<String> again = this.editor.send("POST", "/api/articles/" + id + "/unpublish",
				"{\"reason\":\"Again\"}", "If-Match", "\"2\"");
		assertThat(again.statusCode()).isEqualTo(409);
		assertProblem(again, "invalid-transition");
		assertThat(PublisherTopics.endOffsets(PublisherTopics.ALL)).isEqualTo(before);
	}

	@Test
	void unpublishingADraftIsAConflictAndWritesNothing() {
		String id = created(article(slug()).replace("\"breaking\": true", "\"draft\": true"));
		var before = PublisherTopics.endOffsets(PublisherTopics.ALL);
		HttpResponse<String> response = this.editor.send("POST", "/api/articles/" + id + "/unpublish",
				"{\"reason\":\"Nope\"}", "If-Match", "\"1\"");
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(PublisherTopics.endOffsets(PublisherTopics.ALL)).isEqualTo(before);
	}

	@Test
	void writerDraftsAndAnEditorPublishes() {
		String draft = article(slug()).replace("\"breaking\": true", "\"draft\": true");
		var before = PublisherTopics.endOffsets(PublisherTopics.ALL);
		HttpResponse<String> refused = this.writer.send("POST", "/api/articles", article(slug()));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertProblem(refused, "forbidden");
		assertThat(PublisherTopics.endOffsets(PublisherTopics.ALL)).isEqualTo(before);

		HttpResponse<String> drafted = this.writer.send("POST", "/api/articles", draft);
		assertThat(drafted.statusCode()).isEqualTo(201);
		assertThat(read(drafted).path("status").asString()).isEqualTo("DRAFT");
		String id = read(drafted).path("id").asString();
		assertThat(this.writer.send("POST", "/api/articles/" + id + "/publish", null, "If-Match", "\"1\"").statusCode())
			.isEqualTo(403);
		HttpResponse<String> published = this.editor.send("POST", "/api/articles/" + id + "/publish", null, "If-Match",
				"\"1\"");
		assertThat(published.statusCode()).isEqualTo(200);
		assertThat(read(published).path("status").asString()).isEqualTo("PUBLISHED");
	}

	@Test
	void retryWithTheSameIdempotencyKeyAnswersTheOriginalAndWritesOnce() {
		String key = UUID.randomUUID().toString();
		String article = article(slug());
		HttpResponse<String> first = this.editor.send("POST", "/api/articles", article, "Idempotency-Key", key);
		assertThat(first.statusCode()).isEqualTo(201);
		var after = PublisherTopics.endOffsets(List.of(Topics.ARTICLES, Topics.ARTICLE_CHANGES));

		HttpResponse<String> retry = this.editor.send("POST", "/api/articles", article, "Idempotency-Key", key);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
		assertThat(PublisherTopics.endOffsets(List.of(Topics.ARTICLES, Topics.ARTICLE_CHANGES))).as("no second event")
			.isEqualTo(after);

		var before = PublisherTopics.endOffsets(PublisherTopics.ALL);
		HttpResponse<String> reused = this.editor.send("POST", "/api/articles",
				article(slug()).replace("Budget <passes>", "Other"), "Idempotency-Key", key);
		assertThat(reused.statusCode()).isEqualTo(422);
		assertProblem(reused, "idempotency-key-reused");
		assertThat(PublisherTopics.endOffsets(PublisherTopics.ALL)).isEqualTo(before);
	}

	@Test
	void duplicateSlugIsAConflictNamingTheArticleThatHoldsIt() {
		String slug = slug();
		String id = created(article(slug));
		var before = PublisherTopics.endOffsets(PublisherTopics.ALL);
		HttpResponse<String> duplicate = this.editor.send("POST", "/api/articles",
				article(slug).replace("Budget <passes>", "Another story"));
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertProblem(duplicate, "slug-taken");
		assertThat(read(duplicate).path("articleId").asString()).isEqualTo(id);
		assertThat(PublisherTopics.endOffsets(PublisherTopics.ALL)).isEqualTo(before);
	}

	@Test
	void badInputIsRefusedWithTheFieldNamedAndNothingWritten() {
		var before = PublisherTopics.endOffsets(PublisherTopics.ALL);

		HttpResponse<String> control = this.editor.send("POST", "/api/articles",
				article(slug()).replace("Budget <passes> & more", "Budget\\u0007 passes\\r\\nX-Injected: 1"));
		assertThat(control.statusCode()).isEqualTo(400);
		assertThat(fields(control)).containsExactly("title");

		HttpResponse<String> past = this.editor.send("POST", "/api/articles", article(slug())
			.replace("\"breaking\": true", "\"publishAt\": \"" + Instant.now().minusSeconds(60) + "\""));
		assertThat(past.statusCode()).isEqualTo(400);
		assertThat(fields(past)).containsExactly("publishAt");
		HttpResponse<String> farAhead = this.editor.send("POST", "/api/articles", article(slug())
			.replace("\"breaking\": true", "\"publishAt\": \"" + Instant.now().plus(Duration.ofDays(400)) + "\""));
		assertThat(farAhead.statusCode()).isEqualTo(400);
		assertThat(fields(farAhead)).containsExactly("publishAt");

		HttpResponse<String> longUrl = this.editor.send("POST", "/api/articles", article(slug())
			.replace("https://img.example/parliament.jpg", "https://img.example/" + "a".repeat(3000)));
		assertThat(longUrl.statusCode()).isEqualTo(400);
		assertThat(fields(longUrl)).containsExactly("heroImage.url");

		HttpResponse<String> hugeUrl = this.editor.send("POST", "/api/articles", article(slug())
			.replace("https://img.example/parliament.jpg", "https://img.example/" + "a".repeat(2 * 1024 * 1024)));
		assertThat(hugeUrl.statusCode()).isEqualTo(413);
		assertProblem(hugeUrl, "payload-too-large");

		HttpResponse<String> scriptOnly = this.editor.send("POST", "/api/articles",
				article(slug()).replace("<p>In a late vote</p>", "<script>alert(1)</script>"));
		assertThat(scriptOnly.statusCode()).isEqualTo(400);
		assertThat(fields(scriptOnly)).containsExactly("body");

		assertThat(PublisherTopics.endOffsets(PublisherTopics.ALL)).isEqualTo(before);
	}

	@Test
	void unsafeHtmlNeverReachesTheTopic() throws Exception {
		HttpResponse<String> response = this.editor.send("POST", "/api/articles", article(slug()).replace(
				"<p>In a late vote</p>", "<p onmouseover=\\\"steal()\\\">In a late vote</p><script>alert(1)</script>"
						+ "<img src=\\\"x\\\" onerror=\\\"alert(2)\\\"><a href=\\\"javascript:alert(3)\\\">x</a>"));
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode body = read(response);
		ArticleEvent event = eventAt(new TopicPartition(Topics.ARTICLES, body.path("partition").asInt()),
				body.path("offset").asLong());
		assertThat(event.getArticle().getBody()).doesNotContain("script", "onmouseover", "onerror", "javascript:")
			.startsWith("<p>In a late vote</p>");
	}

	@Test
	void scheduledArticleIsPublishedWithinASecondOfItsTime() {
		Instant publishAt = Instant.now().plusSeconds(2);
		HttpResponse<String> scheduled = this.editor.send("POST", "/api/articles",
				article(slug()).replace("\"breaking\": true", "\"publishAt\": \"" + publishAt + "\""));
		assertThat(scheduled.statusCode()).isEqualTo(201);
		assertThat(read(scheduled).path("status").asString()).isEqualTo("SCHEDULED");
		String id = read(scheduled).path("id").asString();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode article = read(this.editor.send("GET", "/api/articles/" + id, null));
			assertThat(article.path("status").asString()).isEqualTo("PUBLISHED");
		});
		JsonNode history = read(this.editor.send("GET", "/api/articles/" + id + "/history", null));
		JsonNode published = history.path("versions").get(1);
		assertThat(published.path("type").asString()).isEqualTo("PUBLISHED");
		assertThat(published.path("actor").asString()).isEqualTo("newsroom-scheduler");
		assertThat(published.path("publishDelayMillis").asLong()).isBetween(0L, 1000L);
	}

	@Test
	void rescheduledAndCancelledSchedules() {
		String id = created(article(slug()).replace("\"breaking\": true",
				"\"publishAt\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\""));
		Instant later = Instant.now().plus(Duration.ofHours(2));
		HttpResponse<String> moved = this.editor.send("PUT", "/api/articles/" + id + "/schedule",
				"{\"publishAt\":\"" + later + "\"}", "If-Match", "\"1\"");
		assertThat(moved.statusCode()).isEqualTo(200);
		assertThat(read(this.editor.send("GET", "/api/articles/" + id, null)).path("publishAt").asString())
			.isEqualTo(later.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());

		HttpResponse<String> cancelled = this.editor.send("DELETE", "/api/articles/" + id + "/schedule", null,
				"If-Match", "\"2\"");
		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(read(cancelled).path("status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void historyListsEveryVersionWithWhoMadeItAndTheCatalogueCanBeSearched() {
		String section = "s" + UUID.randomUUID().toString().substring(0, 8);
		String id = created(article(slug()).replace("\"politics\"", "\"" + section + "\""));
		this.editor.send("PUT", "/api/articles/" + id, corrected(id).replace("\"politics\"", "\"" + section + "\""),
				"If-Match", "\"1\"");
		created(article(slug()).replace("\"politics\"", "\"" + section + "\"")
			.replace("\"breaking\": true", "\"draft\": true"));

		JsonNode history = read(this.editor.send("GET", "/api/articles/" + id + "/history", null));
		assertThat(history.path("versions").size()).isEqualTo(2);
		assertThat(history.path("versions").get(0).path("actor").asString()).isEqualTo(Editors.EDITOR);
		assertThat(history.path("versions").get(1).path("correctionNote").asString())
			.isEqualTo("An earlier version gave the wrong vote count.");

		JsonNode all = read(this.editor.send("GET", "/api/articles?section=" + section, null));
		assertThat(all.path("total").asInt()).isEqualTo(2);
		JsonNode published = read(
				this.editor.send("GET", "/api/articles?section=" + section + "&status=published&q=71-30", null));
		assertThat(published.path("total").asInt()).isEqualTo(1);
		assertThat(published.path("items").get(0).path("id").asString()).isEqualTo(id);
		assertThat(published.path("items").get(0).has("body")).isFalse();
		HttpResponse<String> badStatus = this.editor.send("GET", "/api/articles?status=lost", null);
		assertThat(badStatus.statusCode()).isEqualTo(400);
	}

	@Test
	void unknownArticleIsNotFound() {
		HttpResponse<String> response = this.editor.send("GET", "/api/articles/" + UUID.randomUUID(), null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertProblem(response, "article-not-found");
	}

	@Test
	void missingOrForgedCredentialsAreRefusedAndNothingIsWritten() {
		var before = PublisherTopics.endOffsets(PublisherTopics.ALL);
		HttpResponse<String> anonymous = PublisherClient.withAuthorization(this.port, null)
			.send("POST", "/api/articles", article(slug()));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		HttpResponse<String> forged = PublisherClient.withAuthorization(this.port, "Bearer nr_forged")
			.send("POST", "/api/articles", article(slug()));
		assertThat(forged.statusCode()).isEqualTo(401);
		HttpResponse<String> wrongPassword = PublisherClient.basic(this.port, Editors.EDITOR, "wrong")
			.send("POST", "/api/articles", article(slug()));
		assertThat(wrongPassword.statusCode()).isEqualTo(401);
		assertThat(PublisherTopics.endOffsets(PublisherTopics.ALL)).isEqualTo(before);
	}

	@Test
	void committedEventsAreCountedByTypeForOperators() {
		String id = created(article(slug()));
		this.editor.send("POST", "/api/articles/" + id + "/unpublish", "{\"reason\":\"Counted\"}", "If-Match", "\"1\"");
		PublisherClient admin = PublisherClient.signIn(this.port, Editors.ADMIN);
		JsonNode unpublished = read(
				admin.send("GET", "/actuator/metrics/newsroom.publisher.article.events?tag=type:UNPUBLISHED", null));
		assertThat(unpublished.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
		assertThat(this.editor.send("GET", "/actuator/metrics/newsroom.publisher.article.events", null).statusCode())
			.as("metrics are for admins")
			.isEqualTo(403);
	}

	@Test
	void openApiDocumentDescribesTheApi() {
		HttpResponse<String> response = PublisherClient.withAuthorization(this.port, null)
			.send("GET", "/v3/api-docs", null);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = read(response);
		assertThat(document.path("paths").has("/api/articles/{id}/unpublish")).isTrue();
		assertThat(document.path("components").path("securitySchemes").has("bearer")).isTrue();
		assertThat(PublisherClient.withAuthorization(this.port, null)
			.send("GET", "/swagger-ui/index.html", null)
			.statusCode()).isEqualTo(200);
	}

	private String created(String article) {
		HttpResponse<String> response = this.editor.send("POST", "/api/articles", article);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return read(response).path("id").asString();
	}

	private static String slug() {
		return "story-" + UUID.randomUUID();
	}

	static String article(String slug) {
		return """
				{
				  "edition": "en",
				  "section": "politics",
				  "slug": "%s",
				  "title": "Budget <passes> & more",
				  "lead": "Parliament approved the budget.",
				  "body": "<p>In a late vote</p>",
				  "authors": [{"name": "Jane Doe"}],
				  "tags": ["budget", "parliament"],
				  "heroImage": {"url": "https://img.example/parliament.jpg", "caption": "The chamber"},
				  "breaking": true
				}
				""".formatted(slug);
	}

	private String corrected(String id) {
		JsonNode current = read(this.editor.send("GET", "/api/articles/" + id, null));
		return """
				{"edition":"en","section":"politics","slug":"%s","title":"Budget passes 71-30",
				 "lead":"Parliament approved the budget.","body":"<p>In a late vote</p>",
				 "change":{"kind":"correction","note":"An earlier version gave the wrong vote count."}}
				""".formatted(current.path("slug").asString());
	}

	private static List<String> fields(HttpResponse<String> response) {
		List<String> fields = new ArrayList<>();
		read(response).path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		return fields;
	}

	private static void assertProblem(HttpResponse<String> response, String type) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(read(response).path("type").asString()).isEqualTo("https://newsroom.dev/problems/" + type);
	}

	private static ArticleEvent eventAt(TopicPartition partition, long offset) {
		byte[] bytes = recordAt(partition, offset).value();
		assertThat(bytes[0]).as("Confluent magic byte").isZero();
		HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl());
		assertThat(registry.getById(ByteBuffer.wrap(bytes, 1, 4).getInt())).isEqualTo(ArticleEvent.getClassSchema());
		return new SpecificAvroDeserializer<>(ArticleEvent.class, registry).deserialize(partition.topic(), bytes);
	}

	private static ConsumerRecord<String, byte[]> recordAt(TopicPartition partition, long offset) {
		return firstRecord(partition, offset, (record) -> true);
	}

	/**
	 * @return the first committed record of the partition from the offset on that matches
	 */
	private static ConsumerRecord<String, byte[]> firstRecord(TopicPartition partition, long offset,
			Predicate<ConsumerRecord<String, byte[]>> matching) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers(),
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seek(partition, offset);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (matching.test(record)) {
						records.add(record);
					}
				});
				assertThat(records).isNotEmpty();
			});
			return records.get(0);
		}
	}

}
