package dev.newsroom.notifier.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.notifier.ArticleEvents;
import dev.newsroom.notifier.Editors;
import dev.newsroom.schemas.Topics;
import dev.newsroom.support.kafka.DeadLetters;
import dev.newsroom.support.kafka.TraceParents;
import dev.newsroom.testsupport.AsyncApiContract;
import dev.newsroom.testsupport.DashboardContract;
import dev.newsroom.testsupport.EmbeddedStack;
import dev.newsroom.testsupport.TopicRecords;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery engine end to end, with a real broker and Newsroom's real registry, and
 * WireMock fakes of the Bot API, X and a webhook receiver: articles reach the channels
 * their edition routes to; corrections edit and retractions delete the posts the ledger
 * names; the deliveries API shows it all and takes an editor's retry, cancel and resume;
 * refused credentials pause a channel and turn health DOWN; poison pills on both topics
 * the notifier reads are dead-lettered while it carries on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newsroom.notifier.channels.telegram-en.platform=telegram",
				"newsroom.notifier.channels.telegram-en.telegram.bot-token=" + DeliveryEngineIT.TOKEN,
				"newsroom.notifier.channels.telegram-en.telegram.chat-id=@newsroom_en",
				"newsroom.notifier.channels.telegram-ru.platform=telegram",
				"newsroom.notifier.channels.telegram-ru.telegram.bot-token=" + DeliveryEngineIT.TOKEN,
				"newsroom.notifier.channels.telegram-ru.telegram.chat-id=@newsroom_ru",
				"newsroom.notifier.channels.partner.platform=webhook",
				"newsroom.notifier.channels.partner.webhook.secret=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
				"newsroom.notifier.channels.x-en.platform=x", "newsroom.notifier.channels.x-en.x.account=newsroom",
				"newsroom.notifier.channels.x-en.x.api-key=key", "newsroom.notifier.channels.x-en.x.api-key-secret=ks",
				"newsroom.notifier.channels.x-en.x.access-token=at",
				"newsroom.notifier.channels.x-en.x.access-token-secret=ats", "newsroom.notifier.routes[0].editions=en",
				"newsroom.notifier.routes[0].channels=telegram-en,partner", "newsroom.notifier.routes[1].editions=ru",
				"newsroom.notifier.routes[1].channels=telegram-ru", "newsroom.notifier.routes[2].breaking-only=true",
				"newsroom.notifier.routes[2].channels=x-en", "newsroom.notifier.delivery.first-backoff=200ms",
				"newsroom.notifier.delivery.max-backoff=2s" })
@ExtendWith(OutputCaptureExtension.class)
class DeliveryEngineIT {

	static final String TOKEN = "424242:IT-token";

	private static final WireMockServer platforms = startPlatforms();

	private static final KafkaProducer<String, ArticleEvent> producer = ArticleEvents.producer();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void stack(DynamicPropertyRegistry registry) {
		EmbeddedStack.createTopics(Topics.ARTICLES);
		EmbeddedStack.register(registry);
		registry.add("newsroom.notifier.channels.telegram-en.telegram.api-url", platforms::baseUrl);
		registry.add("newsroom.notifier.channels.telegram-ru.telegram.api-url", platforms::baseUrl);
		registry.add("newsroom.notifier.channels.partner.webhook.url", () -> platforms.baseUrl() + "/hooks");
		registry.add("newsroom.notifier.channels.x-en.x.api-url", platforms::baseUrl);
		registry.add("newsroom.notifier.security.accounts-file", () -> Editors.accountsFile().toString());
	}

	@AfterAll
	static void stop() {
		producer.close();
		platforms.stop();
	}

	@Test
	void theTopicsItCreatesAreThoseOfTheTopicsContract(@Autowired KafkaAdmin kafkaAdmin) throws Exception {
		try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
			AsyncApiContract.load().assertCreatedBy("notifier", admin);
		}
	}

	@Test
	void anArticleReachesTheChannelsItsEditionRoutesToAndTheDeliveriesApiShowsThePosts() {
		ArticleEvent english = ArticleEvents.published("en", "Budget passes");
		ArticleEvent russian = ArticleEvents.published("ru", "Бюджет принят");
		publish(english);
		publish(russian);

		List<JsonNode> deliveries = awaitDeliveries(english, 2, "DELIVERED");
		assertThat(deliveries).extracting((delivery) -> delivery.path("channel").asString())
			.containsExactlyInAnyOrder("telegram-en", "partner");
		JsonNode telegram = deliveries.stream()
			.filter((delivery) -> delivery.path("channel").asString().equals("telegram-en"))
			.findFirst()
			.orElseThrow();
		assertThat(telegram.path("postUrl").asString()).startsWith("https://t.me/newsroom_en/");
		assertThat(telegram.path("attempts").asInt()).isEqualTo(1);
		assertThat(awaitDeliveries(russian, 1, "DELIVERED").get(0).path("channel").asString()).isEqualTo("telegram-ru");

		assertThat(sent("sendMessage", english.getArticle().getTitle())).singleElement()
			.satisfies((request) -> assertThat(request.getBodyAsString()).contains("\"chat_id\":\"@newsroom_en\""));
		assertThat(sent("sendMessage", russian.getArticle().getTitle())).singleElement()
			.satisfies((request) -> assertThat(request.getBodyAsString()).contains("\"chat_id\":\"@newsroom_ru\""));
		assertThat(platforms.findAll(postRequestedFor(urlEqualTo("/hooks")).withHeader("webhook-id",
				equalTo("partner:" + english.getArticle().getId() + ":announce:1"))))
			.hasSize(1);

		// Several articles' deliveries at once, for list pages.
		JsonNode batch = http().get()
			.uri("/api/deliveries?articleIds={ids}",
					english.getArticle().getId() + "," + russian.getArticle().getId() + ",never-published")
			.retrieve()
			.body(JsonNode.class);
		assertThat(batch.path(english.getArticle().getId())).hasSize(2);
		assertThat(batch.path(russian.getArticle().getId()).path(0).path("channel").asString())
			.isEqualTo("telegram-ru");
		assertThat(batch.path("never-published")).isEmpty();
		ResponseEntity<String> tooMany = http().get()
			.uri("/api/deliveries?articleIds={ids}",
					String.join(",", java.util.stream.IntStream.range(0, 101).mapToObj((n) -> "a-" + n).toList()))
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
		assertThat(tooMany.getBody()).contains("must name from 1 to 100 article ids, not 101");

		String prometheus = http().get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(prometheus)
			.containsPattern("newsroom_notifier_deliveries\\{channel=\"telegram-ru\",state=\"DELIVERED\"\\} [1-9]");
		assertThat(prometheus).containsPattern("newsroom_notifier_channel_paused\\{channel=\"telegram-ru\"\\} 0");
		assertThat(prometheus).containsPattern(
				"kafka_consumer_fetch_manager_records_lag_max\\{.*client_id=\"notifier-ledger-view-[0-9]+\".*\\}");
		DashboardContract.load().assertScraped("notifier", prometheus);
	}

	@Test
	void eachDeliveryCarriesTheTraceOfTheRequestThatPublishedItsArticle(CapturedOutput output) {
		ArticleEvent published = ArticleEvents.published("en", "Traced from the newsroom");
		String traceId = UUID.randomUUID().toString().replace("-", "");
		ProducerRecord<String, ArticleEvent> record = new ProducerRecord<>(Topics.ARTICLES,
				published.getArticle().getId(), published);
		record.headers().add(TraceParents.HEADER, ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(UTF_8));
		ArticleEvents.publish(producer, record);

		List<JsonNode> deliveries = awaitDeliveries(published, 2, "DELIVERED");
		assertThat(deliveries).extracting((delivery) -> delivery.path("traceId").asString())
			.as("the trace id in each delivery's record")
			.containsOnly(traceId);
		for (JsonNode delivery : deliveries) {
			String line = "Delivered " + delivery.path("deliveryId").asString();
			assertThat(output.getAll().lines().filter((logged) -> logged.contains(line)))
				.as("the notifier's log line '%s...'", line)
				.singleElement(InstanceOfAssertFactories.STRING)
				.contains(traceId);
		}
	}

	@Test
	void aCorrectionEditsThePostsAndARetractionDeletesThem() {
		ArticleEvent published = ArticleEvents.published("en", "Vote counted");
		publish(published);
		JsonNode announced = telegramDelivery(awaitDeliveries(published, 2, "DELIVERED"));
		String messageId = announced.path("postId").asString();

		ArticleEvent corrected = ArticleEvents.corrected(published, "The vote was 120 to 30.");
		publish(corrected);
		awaitDeliveries(published, 4, "DELIVERED");
		assertThat(platforms.findAll(postRequestedFor(urlEqualTo("/bot" + TOKEN + "/editMessageText"))
			.withRequestBody(matchingJsonPath("$.message_id", equalTo(messageId)))
			.withRequestBody(containing("Correction: The vote was 120 to 30.")))).hasSize(1);

		publish(ArticleEvents.retracted(corrected, "Legal"));
		List<JsonNode> all = awaitDeliveries(published, 6, "DELIVERED");
		assertThat(all).extracting((delivery) -> delivery.path("action").asString())
			.containsOnly("announce", "correct", "retract");
		assertThat(platforms.findAll(postRequestedFor(urlEqualTo("/bot" + TOKEN + "/deleteMessage"))
			.withRequestBody(matchingJsonPath("$.message_id", equalTo(messageId))))).hasSize(1);
		assertThat(platforms.findAll(postRequestedFor(urlEqualTo("/hooks"))
			.withRequestBody(matchingJsonPath("$.type", equalTo("article.retracted")))
			.withRequestBody(containing(published.getArticle().getId())))).hasSize(1);
	}

	@Test
	void retryAndCancelNeedAnEditorAndAFailedDeliveryPostsWhenRetried() {
		ArticleEvent refused = ArticleEvents.published("ru", "Refused <unsupported> entities");
		platforms.stubFor(post(urlEqualTo("/bot" + TOKEN + "/sendMessage"))
			.withRequestBody(containing("Refused &lt;unsupported&gt;"))
			.atPriority(1)
			.willReturn(json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse "
					+ "entities: Unsupported start tag\"}")));
		publish(refused);
		JsonNode failed = awaitDeliveries(refused, 1, "FAILED").get(0);
		assertThat(failed.path("lastError").asString()).contains("can't parse entities");
		String retry = "/api/articles/" + refused.getArticle().getId() + "/deliveries/"
				+ failed.path("deliveryId").asString() + "/retry";

		ResponseEntity<String> anonymous = call(retry, null);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
		assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		assertThat(call(retry, Editors.WRITER).getStatusCode().value()).isEqualTo(403);

		platforms.removeStub(platforms.getStubMappings()
			.stream()
			.filter((stub) -> stub.getPriority() != null && stub.getPriority() == 1)
			.findFirst()
			.orElseThrow());
		assertThat(call(retry, Editors.EDITOR).getStatusCode().value()).isEqualTo(202);

		JsonNode delivered = awaitDeliveries(refused, 1, "DELIVERED").get(0);
		assertThat(delivered.path("updatedBy").asString()).isEqualTo("notifier");
		assertThat(call(retry, Editors.EDITOR).getStatusCode().value()).as("retrying a delivered post").isEqualTo(409);
	}

	@Test
	void anUncertainPostResolvedAsPostedWithItsLinkIsTheOneACorrectionEdits() {
		ArticleEvent doubtful = ArticleEvents.published("ru", "Gateway in doubt");
		// A proxy answering 200 with its own page: whether Telegram got the message is
		// unknown.
		StubMapping proxyPage = platforms
			.stubFor(post(urlEqualTo("/bot" + TOKEN + "/sendMessage")).withRequestBody(containing("Gateway in doubt"))
				.atPriority(1)
				.willReturn(aResponse().withStatus(200).withBody("<html><body>Gateway</body></html>")));
		publish(doubtful);
		JsonNode uncertain = awaitDeliveries(doubtful, 1, "UNCERTAIN").get(0);
		platforms.removeStub(proxyPage);
		assertThat(uncertain.path("leftToEditor").asBoolean()).isTrue();
		String resolve = "/api/articles/" + doubtful.getArticle().getId() + "/deliveries/"
				+ uncertain.path("deliveryId").asString() + "/resolve";

		assertThat(call(resolve, Editors.WRITER, "{\"outcome\":\"POSTED\"}").getStatusCode().value()).isEqualTo(403);
		ResponseEntity<String> noLink = call(resolve, Editors.EDITOR, "{\"outcome\":\"POSTED\"}");
		assertThat(noLink.getStatusCode().value()).isEqualTo(422);
		assertThat(noLink.getBody()).contains("Give the post's link");
		ResponseEntity<String> notHttps = call(resolve, Editors.EDITOR,
				"{\"outcome\":\"POSTED\",\"postUrl\":\"http://t.me/newsroom_ru/777\"}");
		assertThat(notHttps.getStatusCode().value()).isEqualTo(400);
		assertThat(notHttps.getBody()).contains("postUrl must be an https link");
		assertThat(deliveries(doubtful)).singleElement()
			.satisfies((delivery) -> assertThat(delivery.path("state").asString()).isEqualTo("UNCERTAIN"));

		assertThat(
				call(resolve, Editors.EDITOR, "{\"outcome\":\"POSTED\",\"postUrl\":\"https://t.me/newsroom_ru/777\"}")
					.getStatusCode()
					.value())
			.isEqualTo(202);
		JsonNode posted = awaitDeliveries(doubtful, 1, "DELIVERED").get(0);
		assertThat(posted.path("postId").asString()).isEqualTo("777");
		assertThat(posted.path("postUrl").asString()).isEqualTo("https://t.me/newsroom_ru/777");
		assertThat(posted.path("updatedBy").asString()).isEqualTo(Editors.EDITOR);
		assertThat(sent("sendMessage", "Gateway in doubt")).as("never posted again").hasSize(1);

		publish(ArticleEvents.corrected(doubtful, "It was a gateway."));
		awaitDeliveries(doubtful, 2, "DELIVERED");
		assertThat(platforms.findAll(postRequestedFor(urlEqualTo("/bot" + TOKEN + "/editMessageText"))
			.withRequestBody(matchingJsonPath("$.message_id", equalTo("777"))))).hasSize(1);
	}

	@Test
	void thePreviewShowsEachRoutedChannelsPostWithoutPostingAnything() {
		int requestsBefore = platforms.getAllServeEvents().size();
		String article = "{\"title\":\"%s\",\"lead\":\"A lead.\",\"url\":\"https://news.example/en/politics/a\","
				+ "\"edition\":\"en\",\"section\":\"politics\",\"breaking\":true}";
		ResponseEntity<String> anonymous = call("/api/previews", null, article.formatted("Budget"));
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);

		ResponseEntity<String> answer = call("/api/previews", Editors.WRITER, article.formatted("B".repeat(400)));
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		JsonNode previews = JsonMapper.shared().readTree(answer.getBody());
		assertThat(previews.valueStream().map((preview) -> preview.path("channel").asString()))
			.containsExactly("partner", "telegram-en", "x-en");
		JsonNode x = previews.get(2);
		assertThat(x.path("post").path("shown").asString()).startsWith("BREAKING: BBB")
			.endsWith("\u2026\n\nhttps://news.example/en/politics/a");
		assertThat(x.path("post").path("length").asInt()).isLessThanOrEqualTo(280);
		assertThat(x.path("post").path("shortened").toString()).isEqualTo("[\"TITLE\"]");
		assertThat(x.path("post").path("leftOut").toString()).isEqualTo("[\"LEAD\"]");
		assertThat(previews.get(1).path("post").path("shortened").toString()).isEqualTo("[]");
		assertThat(previews.get(1).path("overLimit").asBoolean()).isFalse();

		ResponseEntity<String> untitled = call("/api/previews", Editors.WRITER, article.formatted(""));
		assertThat(untitled.getStatusCode().value()).isEqualTo(400);
		assertThat(untitled.getBody()).contains("title is required");
		assertThat(platforms.getAllServeEvents()).hasSize(requestsBefore);
	}

	@Test
	void refusedCredentialsPauseTheChannelTurnHealthDownAndResumingDeliversWhatWaited() {
		platforms.stubFor(post(urlEqualTo("/2/tweets")).atPriority(1)
			.willReturn(json(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,"
					+ "\"detail\":\"Unauthorized\"}")));
		ArticleEvent breaking = ArticleEvents.published("en", "Earthquake");
		breaking.getArticle().setBreaking(true);
		publish(breaking);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode health = health();
			assertThat(health.path("status").asString()).isEqualTo("DOWN");
			assertThat(health.toString()).contains("x-en").contains("Unauthorized");
		});
		assertThat(deliveries(breaking)).filteredOn((delivery) -> delivery.path("channel").asString().equals("x-en"))
			.singleElement()
			.satisfies((delivery) -> assertThat(delivery.path("state").asString()).isEqualTo("PAUSED"));

		platforms.removeStub(platforms.getStubMappings()
			.stream()
			.filter((stub) -> stub.getPriority() != null && stub.getPriority() == 1)
			.findFirst()
			.orElseThrow());
		assertThat(call("/api/channels/x-en/resume", Editors.EDITOR).getStatusCode().value()).isEqualTo(202);

		awaitDeliveries(breaking, 3, "DELIVERED");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(http().get()
				.uri("/actuator/health")
				.retrieve()
				.toEntity(JsonNode.class)
				.getBody()
				.path("status")
				.asString()).isEqualTo("UP"));
	}

	@Test
	void poisonPillsOnEveryTopicTheNotifierReadsAreDeadLetteredAndItCarriesOn() {
		String articlePoison = "poison-" + UUID.randomUUID();
		String ledgerPoison = "poison-" + UUID.randomUUID();
		try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			raw.send(new ProducerRecord<>(Topics.ARTICLES, articlePoison, "{\"title\":\"json\"}".getBytes())).get();
			raw.send(new ProducerRecord<>(Topics.DELIVERIES, ledgerPoison, "not avro".getBytes())).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		ArticleEvent after = ArticleEvents.published("en", "After the poison pills");
		publish(after);

		awaitDeliveries(after, 2, "DELIVERED");
		for (String key : List.of(articlePoison, ledgerPoison)) {
			ConsumerRecord<byte[], byte[]> dead = TopicRecords
				.read(Topics.NOTIFIER_DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
						(record) -> key.equals(new String(record.key(), StandardCharsets.UTF_8)), 1)
				.get(0);
			assertThat(header(dead, DeadLetters.REASON_HEADER)).contains("magic byte");
			assertThat(header(dead, "kafka_dlt-original-topic")).isIn(Topics.ARTICLES, Topics.DELIVERIES);
		}
	}

	private List<JsonNode> awaitDeliveries(ArticleEvent event, int count, String state) {
		await().atMost(Duration.ofSeconds(45))
			.untilAsserted(() -> assertThat(deliveries(event))
				.filteredOn((delivery) -> delivery.path("state").asString().equals(state))
				.hasSize(count));
		return deliveries(event);
	}

	private List<JsonNode> deliveries(ArticleEvent event) {
		JsonNode body = http().get()
			.uri("/api/articles/{id}/deliveries", event.getArticle().getId())
			.retrieve()
			.body(JsonNode.class);
		return (body != null) ? body.valueStream().toList() : List.of();
	}

	private static JsonNode telegramDelivery(List<JsonNode> deliveries) {
		return deliveries.stream()
			.filter((delivery) -> delivery.path("platform").asString().equals("telegram"))
			.findFirst()
			.orElseThrow();
	}

	private ResponseEntity<String> call(String path, String user) {
		return call(path, user, null);
	}

	private ResponseEntity<String> call(String path, String user, String json) {
		RestClient.RequestBodySpec spec = http().post().uri(path).headers((headers) -> {
			if (user != null) {
				headers.setBasicAuth(user, Editors.PASSWORD);
			}
		});
		if (json != null) {
			spec.contentType(MediaType.APPLICATION_JSON).body(json);
		}
		return spec.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	private JsonNode health() {
		return http().get().uri("/actuator/health").exchange((request, response) -> response.bodyTo(JsonNode.class));
	}

	private RestClient http() {
		return RestClient.builder().baseUrl("http://localhost:" + this.port).build();
	}

	private static List<LoggedRequest> sent(String method, String containing) {
		return platforms.findAll(
				postRequestedFor(urlEqualTo("/bot" + TOKEN + "/" + method)).withRequestBody(containing(containing)));
	}

	private static void publish(ArticleEvent event) {
		ArticleEvents.publish(producer, Topics.ARTICLES, event);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	/** The platforms' documented answers to what the channels send. */
	private static WireMockServer startPlatforms() {
		WireMockServer server = new WireMockServer(options().dynamicPort().globalTemplating(true));
		server.start();
		String message = "{\"ok\":true,\"result\":{\"message_id\":{{randomInt lower=1 upper=2000000000}},"
				+ "\"chat\":{\"id\":-100,\"username\":\"{{jsonPath request.body '$.chat_id'}}\",\"type\":\"channel\"},"
				+ "\"date\":1732867200}}";
		server.stubFor(post(urlEqualTo("/bot" + TOKEN + "/sendMessage")).atPriority(5)
			.willReturn(json(200, message.replace("\"{{jsonPath request.body '$.chat_id'}}\"",
					"\"{{regexExtract (jsonPath request.body '$.chat_id') '[a-z_]+'}}\""))));
		server.stubFor(post(urlEqualTo("/bot" + TOKEN + "/editMessageText")).atPriority(5)
			.willReturn(json(200, "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1732867200}}")));
		server.stubFor(post(urlEqualTo("/bot" + TOKEN + "/deleteMessage")).atPriority(5)
			.willReturn(json(200, "{\"ok\":true,\"result\":true}")));
		server.stubFor(post(urlEqualTo("/hooks")).atPriority(5).willReturn(aResponse().withStatus(204)));
		server.stubFor(post(urlEqualTo("/2/tweets")).atPriority(5)
			.willReturn(json(201, "{\"data\":{\"id\":\"{{randomInt lower=1 upper=2000000000}}\",\"text\":\"t\"}}")));
		return server;
	}

}
