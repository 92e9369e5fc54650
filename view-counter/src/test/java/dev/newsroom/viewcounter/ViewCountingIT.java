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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.schemas.Topics;
import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;
import dev.newsroom.support.kafka.DeadLetters;
import dev.newsroom.testsupport.AsyncApiContract;
import dev.newsroom.testsupport.DashboardContract;
import dev.newsroom.testsupport.EmbeddedStack;
import dev.newsroom.testsupport.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What counts as a view, end to end: beacons through the real web layer, a real broker,
 * the real registry and the real streams application (exactly-once).
 */
// Closed after the class, before its state directory is deleted.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "newsroom.view-counter.beacon.per-address-per-minute=1000000")
class ViewCountingIT {

	static final String DEAD_LETTERS = Topics.PAGE_VIEWS_DEAD_LETTERS;

	static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path stateDir;

	private final int port;

	private final MeterRegistry meters;

	private final HttpClient http = HttpClient.newHttpClient();

	ViewCountingIT(@LocalServerPort int port, @Autowired MeterRegistry meters) {
		this.port = port;
		this.meters = meters;
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
	void theTopicsItCreatesAreThoseOfTheTopicsContract(@Autowired KafkaAdmin kafkaAdmin) throws Exception {
		try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
			AsyncApiContract.load().assertCreatedBy("view-counter", admin);
		}
	}

	@Test
	void theDashboardsMetricsOfTheViewCounterAreScrapedByPrometheus() throws Exception {
		String articleId = published();
		countedMarker(articleId);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(count(articleId).path("views").asLong()).isEqualTo(1));
		HttpResponse<String> scrape = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus")).build(),
				BodyHandlers.ofString());
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).containsPattern("newsroom_views_received_total\\{.*traffic=\"reader\".*\\} [1-9]")
			.containsPattern("newsroom_views_counted_total(\\{.*\\})? [1-9]");
		DashboardContract.load().assertScraped("view-counter", scrape.body());
	}

	@Test
	void eachReaderCountsOncePerArticleAndTheCookieKeepsThemOneVisitor() throws Exception {
		String articleId = published();
		assertThat(count(articleId).path("views").asLong()).isZero();

		HttpResponse<String> first = beacon(Beacon.of(articleId).userAgent(FIREFOX));
		assertThat(first.statusCode()).isEqualTo(202);
		String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("nr_vid=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
		String visitor = cookie.substring(0, cookie.indexOf(';'));
		assertThat(
				beacon(Beacon.of(articleId).userAgent(FIREFOX).cookie(visitor).contentType("text/plain;charset=UTF-8"))
					.statusCode())
			.isEqualTo(202);
		assertThat(beacon(Beacon.of(articleId).userAgent(FIREFOX).cookie(visitor)).statusCode()).isEqualTo(202);
		assertThat(beacon(Beacon.of(articleId).userAgent(FIREFOX).cookie("nr_vid=" + randomVisitor())).statusCode())
			.isEqualTo(202);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(count(articleId).path("views").asLong()).isEqualTo(2));
		assertCountOnTopic(articleId, 2);
	}

	@Test
	void aRetriedBeaconCountsOnce() throws Exception {
		String articleId = published();
		String viewId = UUID.randomUUID().toString();

		assertThat(beacon(Beacon.of(articleId).viewId(viewId).userAgent(FIREFOX)).statusCode()).isEqualTo(202);
		assertThat(beacon(Beacon.of(articleId).viewId(viewId).userAgent(FIREFOX + " retried")).statusCode())
			.isEqualTo(202);
		countedMarker(articleId);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(count(articleId).path("views").asLong()).isEqualTo(2));
	}

	@Test
	void botsStaffAndPrefetchesAreRecordedAsSuchButNeverCounted() throws Exception {
		String articleId = published();
		double robotsBefore = dropped("robot");

		assertThat(beacon(Beacon.of(articleId).userAgent(GOOGLEBOT)).statusCode()).isEqualTo(202);
		assertThat(beacon(Beacon.of(articleId).userAgent(FIREFOX).header("Sec-Purpose", "prefetch")).statusCode())
			.isEqualTo(202);
		assertThat(beacon(Beacon.of(articleId).userAgent(FIREFOX).cookie("nr_staff=1")).statusCode()).isEqualTo(202);
		HttpResponse<String> bot = beacon(Beacon.of(articleId).userAgent(GOOGLEBOT));
		assertThat(bot.headers().firstValue("Set-Cookie")).isEmpty();
		countedMarker(articleId);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(count(articleId).path("views").asLong()).isEqualTo(1);
			assertThat(dropped("robot")).isEqualTo(robotsBefore + 2);
		});
		assertThat(dropped("prefetch")).isPositive();
		assertThat(dropped("staff")).isPositive();
	}

	@Test
	void viewsOfUnknownArticlesAreDroppedCountedInAMetricAndCreateNoKey() throws Exception {
		String unknown = "article-" + UUID.randomUUID();
		String known = published();
		double before = dropped("unknown-article");

		assertThat(beacon(Beacon.of(unknown).userAgent(FIREFOX)).statusCode()).isEqualTo(202);
		countedMarker(known);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(count(known).path("views").asLong()).isEqualTo(1));
		assertThat(dropped("unknown-article")).isEqualTo(before + 1);
		assertThat(count(unknown).path("views").asLong()).isZero();
		assertThat(
				TopicRecords.readAll(Topics.ARTICLE_VIEW_COUNTS, new StringDeserializer(), new ByteArrayDeserializer()))
			.noneMatch((record) -> unknown.equals(record.key()));
	}

	@Test
	void aRetractedArticleStopsCounting() throws Exception {
		String articleId = published();
		countedMarker(articleId);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(count(articleId).path("views").asLong()).isEqualTo(1));

		publish(event(articleId, ArticleEventType.UNPUBLISHED, ArticleStatus.UNPUBLISHED));
		double before = dropped("not-published");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			countedMarker(articleId);
			assertThat(dropped("not-published")).isGreaterThan(before);
		});

		assertThat(count(articleId).path("views").asLong()).isEqualTo(1);
	}

	@Test
	void neitherTheAddressNorTheUserAgentIsStoredOnTheTopic() throws Exception {
		String articleId = published();
		String userAgent = FIREFOX + " unique-" + UUID.randomUUID();

		assertThat(beacon(Beacon.of(articleId).userAgent(userAgent)).statusCode()).isEqualTo(202);

		List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(Topics.PAGE_VIEWS, new StringDeserializer(),
				new ByteArrayDeserializer(), (record) -> articleId.equals(record.key()), 1);
		String stored = new String(records.get(0).value(), StandardCharsets.ISO_8859_1);
		assertThat(stored).contains(articleId).doesNotContain("unique-").doesNotContain("127.0.0.1");
	}

	@Test
	void doNotTrackAndGlobalPrivacyControlAreCountedButGetNoCookie() throws Exception {
		String articleId = published();

		HttpResponse<String> dnt = beacon(Beacon.of(articleId).userAgent(FIREFOX + " dnt").header("DNT", "1"));
		HttpResponse<String> gpc = beacon(Beacon.of(articleId).userAgent(FIREFOX + " gpc").header("Sec-GPC", "1"));

		assertThat(dnt.statusCode()).isEqualTo(202);
		assertThat(gpc.statusCode()).isEqualTo(202);
		assertThat(dnt.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(gpc.headers().firstValue("Set-Cookie")).isEmpty();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(count(articleId).path("views").asLong()).isEqualTo(2));
	}

	@Test
	void behindATlsProxyTheCookieIsSecureAndCrossSite() throws Exception {
		HttpResponse<String> response = beacon(
				Beacon.of(published()).userAgent(FIREFOX + " proxied").header("X-Forwarded-Proto", "https"));

		assertThat(response.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying((cookie) -> assertThat(cookie).contains("; Secure").contains("SameSite=None"));
	}

	@Test
	void aThousandBeaconsFromOneVisitorInAMinuteCountOnceAndThenGet429() throws Exception {
		String articleId = published();
		String visitor = "nr_vid=" + randomVisitor();
		int accepted = 0;
		HttpResponse<String> refused = null;
		long started = System.nanoTime();
		for (int i = 0; i < 1000; i++) {
			HttpResponse<String> response = beacon(Beacon.of(articleId).userAgent(FIREFOX).cookie(visitor));
			if (response.statusCode() == 202) {
				accepted++;
			}
			else {
				refused = response;
			}
		}

		// The allowance is 30 a minute, refilled one token at a time (one every 2 s).
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		assertThat(accepted).isBetween(30, 30 + (int) (seconds / 2) + 1);
		assertThat(refused).isNotNull();
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).contains("60");
		assertProblem(refused, "https://newsroom.dev/problems/too-many-beacons");
		countedMarker(articleId);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(count(articleId).path("views").asLong()).isEqualTo(2));
	}

	@Test
	void badBeaconsGetAClearProblemAndRecordNothing() throws Exception {
		String articleId = published();
		long before = endOffsets();

		HttpResponse<String> huge = beacon(
				Beacon.of("a".repeat(5 * 1024 * 1024)).userAgent(FIREFOX).contentType("application/json"));
		assertThat(huge.statusCode()).isEqualTo(413);
		assertProblem(huge, null);

		HttpResponse<String> notJson = beacon(new Beacon("articleId=a-1").userAgent(FIREFOX).contentType("text/plain"));
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertProblem(notJson, null);

		HttpResponse<String> badId = beacon(Beacon.of("no spaces allowed").userAgent(FIREFOX));
		assertThat(badId.statusCode()).isEqualTo(400);
		assertThat(json.readTree(badId.body()).path("errors").get(0).path("field").asString()).isEqualTo("articleId");

		HttpResponse<String> override = beacon(
				new Beacon("{\"articleId\":\"" + articleId + "\",\"visitorId\":\"someone-else-entirely\"}")
					.userAgent(FIREFOX)
					.cookie("nr_vid=" + randomVisitor()));
		assertThat(override.statusCode()).isEqualTo(400);
		assertThat(json.readTree(override.body()).path("errors").get(0).path("field").asString())
			.isEqualTo("visitorId");

		HttpResponse<String> foreign = beacon(
				Beacon.of(articleId).userAgent(FIREFOX).header("Origin", "https://evil.example"));
		assertThat(foreign.statusCode()).isEqualTo(403);

		assertThat(endOffsets()).isEqualTo(before);
		assertThat(count(articleId).path("views").asLong()).isZero();
	}

	@Test
	void countsAreCacheableAndReadableInBatches() throws Exception {
		String first = published();
		String second = published();
		countedMarker(first);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(count(first).path("views").asLong()).isEqualTo(1));

		HttpResponse<String> single = countResponse(first);
		assertThat(single.headers().firstValue("Cache-Control")).contains("max-age=5, public");
		String etag = single.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> again = this.http.send(
				HttpRequest.newBuilder(countUri(first)).header("If-None-Match", etag).build(), BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);

		HttpResponse<String> batch = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/views?ids=" + first + "," + second))
			.build(), BodyHandlers.ofString());
		assertThat(batch.statusCode()).isEqualTo(200);
		JsonNode counts = json.readTree(batch.body());
		assertThat(counts.get(0).path("articleId").asString()).isEqualTo(first);
		assertThat(counts.get(0).path("views").asLong()).isEqualTo(1);
		assertThat(counts.get(1).path("views").asLong()).isZero();
	}

	@Test
	void mostReadAnswersPerEditionAndSectionAndIsPublishedOnItsTopic() throws Exception {
		String edition = "t" + UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String popular = "popular-" + UUID.randomUUID();
		String quiet = "quiet-" + UUID.randomUUID();
		publish(ArticleEvents.event(popular, edition, "politics", ArticleEventType.PUBLISHED, ArticleStatus.PUBLISHED,
				now));
		publish(ArticleEvents.event(quiet, edition, "sport", ArticleEventType.PUBLISHED, ArticleStatus.PUBLISHED, now));
		for (int reader = 0; reader < 3; reader++) {
			countedMarker(popular);
		}
		countedMarker(quiet);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode trending = json.readTree(trending("edition=" + edition + "&window=1h&limit=10").body());
			assertThat(trending.path("articles").path(0).path("articleId").asString()).isEqualTo(popular);
			assertThat(trending.path("articles").path(0).path("views").asLong()).isEqualTo(3);
			assertThat(trending.path("articles").path(1).path("articleId").asString()).isEqualTo(quiet);
		});
		// The day's windows are counted by processors of their own, which may be a step
		// behind the hour's.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode sport = json.readTree(trending("edition=" + edition + "&section=sport&window=24h").body());
			assertThat(sport.path("articles")).hasSize(1);
			assertThat(sport.path("articles").path(0).path("articleId").asString()).isEqualTo(quiet);
		});
		assertThat(json.readTree(trending("edition=" + edition + "&window=1h&limit=1").body()).path("articles"))
			.hasSize(1);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<ConsumerRecord<String, byte[]>> lists = TopicRecords
				.readAll(Topics.TRENDING, new StringDeserializer(), new ByteArrayDeserializer())
				.stream()
				.filter((record) -> (edition + "|1h").equals(record.key()))
				.toList();
			assertThat(lists).isNotEmpty();
			assertThat(new String(lists.get(lists.size() - 1).value(), StandardCharsets.ISO_8859_1)).contains(popular)
				.contains(quiet);
		});

		// Retracted, the popular story leaves the answers at once, though its views stay
		// counted in the window.
		publish(ArticleEvents.event(popular, edition, "politics", ArticleEventType.UNPUBLISHED,
				ArticleStatus.UNPUBLISHED, now.plusSeconds(1)));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode trending = json.readTree(trending("edition=" + edition + "&window=1h&limit=10").body());
			assertThat(trending.path("articles").valueStream().map((entry) -> entry.path("articleId").asString()))
				.containsExactly(quiet);
		});

		HttpResponse<String> badWindow = trending("edition=" + edition + "&window=7d");
		assertThat(badWindow.statusCode()).isEqualTo(400);
		assertProblem(badWindow, null);
		assertThat(trending("edition=" + edition + "&limit=500").statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> trending(String query) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/trending?" + query)).build(),
				BodyHandlers.ofString());
	}

	@Test
	void theBeaconScriptIsSmallAndCacheable() throws Exception {
		HttpResponse<String> script = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/beacon.js")).build(),
				BodyHandlers.ofString());

		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(1024);
		assertThat(script.body()).contains("sendBeacon").contains("keepalive").contains("prerendering");
		assertThat(script.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("max-age=3600").contains("public"));
	}

	@Test
	void pageViewThatCannotBeReadIsDeadLetteredAndCountingGoesOn() throws Exception {
		String articleId = published();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.PAGE_VIEWS, articleId, "not avro".getBytes(StandardCharsets.UTF_8)))
				.get();
		}
		countedMarker(articleId);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(count(articleId).path("views").asLong()).isEqualTo(1));
		ConsumerRecord<byte[], byte[]> dead = deadLetterFor(articleId);
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
		assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.PAGE_VIEWS);
		assertThat(header(dead, DeadLetters.REASON_HEADER)).contains("magic byte").contains(Topics.PAGE_VIEWS);
	}

	/** A view by a new reader, which counts. */
	private void countedMarker(String articleId) throws Exception {
		assertThat(beacon(Beacon.of(articleId).userAgent(FIREFOX).cookie("nr_vid=" + randomVisitor())).statusCode())
			.isEqualTo(202);
	}

	private double dropped(String reason) {
		return this.meters.get("newsroom.views.dropped").tag("reason", reason).counter().count();
	}

	private static String randomVisitor() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static long endOffsets() {
		return TopicRecords.endOffsets(Topics.PAGE_VIEWS).values().stream().mapToLong(Long::longValue).sum();
	}

	private static void assertProblem(HttpResponse<String> response, String type) throws Exception {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("application/problem+json"));
		if (type != null) {
			assertThat(json.readTree(response.body()).path("type").asString()).isEqualTo(type);
		}
	}

	private static String published() {
		String articleId = "article-" + UUID.randomUUID();
		publish(event(articleId, ArticleEventType.PUBLISHED, ArticleStatus.PUBLISHED));
		return articleId;
	}

	private static ArticleEvent event(String articleId, ArticleEventType type, ArticleStatus status) {
		return ArticleEvents.event(articleId, type, status, Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	private static void publish(ArticleEvent event) {
		ArticleEvents.publish(Topics.ARTICLES, event);
	}

	private HttpResponse<String> beacon(Beacon beacon) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/views"))
			.header("Content-Type", beacon.contentType)
			.POST(BodyPublishers.ofString(beacon.body()));
		beacon.headers.forEach(request::header);
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private JsonNode count(String articleId) throws Exception {
		HttpResponse<String> response = countResponse(articleId);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> countResponse(String articleId) throws Exception {
		return this.http.send(HttpRequest.newBuilder(countUri(articleId)).build(), BodyHandlers.ofString());
	}

	private URI countUri(String articleId) {
		return URI.create("http://localhost:" + this.port + "/api/articles/"
				+ URLEncoder.encode(articleId, StandardCharsets.UTF_8).replace("+", "%20") + "/views");
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

	/** A beacon request: its body and headers. */
	private static final class Beacon {

		private final String rawBody;

		private String contentType = "application/json";

		private final Map<String, String> headers = new LinkedHashMap<>();

		private String viewId;

		private String articleId;

		private Beacon(String rawBody) {
			this.rawBody = rawBody;
		}

		static Beacon of(String articleId) {
			Beacon beacon = new Beacon(null);
			beacon.articleId = articleId;
			return beacon;
		}

		Beacon viewId(String viewId) {
			this.viewId = viewId;
			return this;
		}

		Beacon userAgent(String userAgent) {
			return header("User-Agent", userAgent);
		}

		Beacon cookie(String cookie) {
			return header("Cookie", cookie);
		}

		Beacon contentType(String contentType) {
			this.contentType = contentType;
			return this;
		}

		Beacon header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		String body() {
			if (this.rawBody != null) {
				return this.rawBody;
			}
			return "{\"articleId\":\"" + this.articleId + "\""
					+ ((this.viewId != null) ? ",\"viewId\":\"" + this.viewId + "\"" : "") + "}";
		}

	}

}
