package dev.newsroom.viewcounter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.schemas.Topics;
import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.testsupport.EmbeddedStack;
import dev.newsroom.testsupport.TopicRecords;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Streams never stops for good on a transient fault. The view counter reads the real
 * registry through a proxy that answers 500 for the writer schema of one page view while
 * the test says so: the record is neither counted nor dead-lettered, the stream thread
 * fails and is replaced (each replacement waits for the group to let the failed member
 * go), and once the registry answers again the view is counted, once. Likewise while the
 * dead-letter topic cannot be written: the unreadable record and the view behind it wait,
 * and once the topic is back the one is dead-lettered and the other counted.
 */
// Closed after the class, before its state directory is deleted.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "newsroom.view-counter.dead-letter-topic.name=" + StreamsRecoveryIT.DEAD_LETTERS)
class StreamsRecoveryIT {

	static final String DEAD_LETTERS = "recovery-it.page-views-dlt";

	private static final String READER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	/** The first released version of PageView, as in the schemas module's contract. */
	private static final Schema PAGE_VIEW_V1 = new Schema.Parser().parse(
			"{\"type\": \"record\", \"name\": \"PageView\", \"namespace\": \"dev.newsroom.events.view\", \"doc\": \"One reader's view of an article page, as reported by the page's beacon. Value of newsroom.page-views, keyed by article id. Holds no IP address and nothing else that identifies a person.\", \"fields\": [{\"name\": \"viewId\", \"type\": \"string\", \"doc\": \"Unique id of this view (UUID), so that a retried beacon can be recognised.\"}, {\"name\": \"articleId\", \"type\": \"string\"}, {\"name\": \"viewedAt\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}}, {\"name\": \"visitorId\", \"type\": \"string\", \"doc\": \"Opaque, random id of the browser, from a first-party cookie. Never derived from an IP address.\"}]}");

	private static final WireMockServer registryProxy = startProxy();

	@TempDir
	static Path stateDir;

	private final StreamsBuilderFactoryBean streams;

	@LocalServerPort
	private int port;

	StreamsRecoveryIT(@Autowired StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	@DynamicPropertySource
	static void stack(DynamicPropertyRegistry registry) {
		EmbeddedStack.register(registry);
		registry.add("spring.kafka.properties.schema.registry.url", registryProxy::baseUrl);
		registry.add("spring.kafka.streams.state-dir", () -> stateDir.resolve("state").toString());
	}

	@AfterAll
	static void stopProxy() {
		registryProxy.stop();
	}

	@Test
	void aRegistryAnswering500ForARecordsSchemaDelaysItsViewButLosesNothing() throws Exception {
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(views("any")).isZero());
		String article = "article-" + UUID.randomUUID();
		ArticleEvents.publish(Topics.ARTICLES, ArticleEvents.event(article, ArticleEventType.PUBLISHED,
				ArticleStatus.PUBLISHED, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
		// A page view written with the first version of the schema, whose id this view
		// counter has never had to look up.
		Schema v1 = PAGE_VIEW_V1;
		int writerId = new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl(), EmbeddedStack.registryUserInfo())
			.register(Topics.valueSubject(Topics.PAGE_VIEWS), v1);
		StubMapping failing = registryProxy.stubFor(get(urlPathEqualTo("/schemas/ids/" + writerId)).atPriority(1)
			.willReturn(aResponse().withStatus(500)
				.withHeader("Content-Type", "application/vnd.schemaregistry.v1+json")
				.withBody("{\"error_code\":50001,\"message\":\"Error in the backend data store\"}")));
		long deadLettersBefore = deadLetters();

		send(article, pageView(v1, writerId, article));

		// The failing stream thread's exception is the point here, not a test failure.
		await().dontCatchUncaughtExceptions()
			.atMost(Duration.ofSeconds(150))
			.untilAsserted(() -> assertThat(
					registryProxy.findAll(getRequestedFor(urlPathEqualTo("/schemas/ids/" + writerId))).size())
				.as("the counter asked the failing registry again after replacing its thread")
				.isGreaterThanOrEqualTo(2));
		assertThat(views(article)).isZero();
		assertThat(deadLetters()).as("a good record is not dead-lettered").isEqualTo(deadLettersBefore);

		registryProxy.removeStub(failing);

		await().dontCatchUncaughtExceptions()
			.atMost(Duration.ofSeconds(150))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(views(article)).isEqualTo(1));
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		assertThat(kafkaStreams).isNotNull();
		assertThat(kafkaStreams.state()).isEqualTo(KafkaStreams.State.RUNNING);
		assertThat(deadLetters()).isEqualTo(deadLettersBefore);
	}

	@Test
	void aDeadLetterTopicThatCannotBeWrittenHoldsItsPartitionUntilItCanAndLosesNothing() throws Exception {
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(views("any")).isZero());
		String article = "article-" + UUID.randomUUID();
		ArticleEvents.publish(Topics.ARTICLES, ArticleEvents.event(article, ArticleEventType.PUBLISHED,
				ArticleStatus.PUBLISHED, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()))) {
			admin.deleteTopics(List.of(DEAD_LETTERS)).all().get();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(admin.listTopics().names().get()).doesNotContain(DEAD_LETTERS));

			// A record that cannot be read, then a good view of the same article, in the
			// same partition behind it.
			send(article, "not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			assertThat(beacon(article)).isEqualTo(202);
			await().dontCatchUncaughtExceptions()
				.during(Duration.ofSeconds(20))
				.atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(views(article)).isZero());

			await().atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.untilAsserted(() -> admin.createTopics(List.of(new NewTopic(DEAD_LETTERS, 1, (short) 1))).all().get());
		}

		await().dontCatchUncaughtExceptions()
			.atMost(Duration.ofSeconds(150))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(views(article)).isEqualTo(1));
		assertThat(TopicRecords.readAll(DEAD_LETTERS, new StringDeserializer(), new ByteArrayDeserializer()))
			.filteredOn((record) -> article.equals(record.key()))
			.singleElement()
			.satisfies((record) -> assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8))
				.isEqualTo("not avro"));
	}

	private int beacon(String article) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/views"))
				.header("Content-Type", "text/plain")
				.header("User-Agent", READER)
				.header("Cookie", "nr_vid=" + UUID.randomUUID().toString().replace("-", ""))
				.POST(HttpRequest.BodyPublishers.ofString("{\"articleId\":\"" + article + "\"}"))
				.build(), BodyHandlers.discarding())
			.statusCode();
	}

	private long views(String article) throws Exception {
		String body = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/articles/" + article + "/views"))
				.build(), BodyHandlers.ofString())
			.body();
		return JsonMapper.shared().readTree(body).path("views").asLong();
	}

	private static long deadLetters() {
		return TopicRecords.endOffsets(DEAD_LETTERS).values().stream().mapToLong(Long::longValue).sum();
	}

	private static byte[] pageView(Schema schema, int writerId, String article) throws IOException {
		GenericRecord view = new GenericData.Record(schema);
		view.put("viewId", UUID.randomUUID().toString());
		view.put("articleId", article);
		view.put("viewedAt", Instant.now().toEpochMilli());
		view.put("visitorId", UUID.randomUUID().toString().replace("-", ""));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(0);
		bytes.write(ByteBuffer.allocate(4).putInt(writerId).array());
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
		new GenericDatumWriter<GenericRecord>(schema).write(view, encoder);
		encoder.flush();
		return bytes.toByteArray();
	}

	private static void send(String article, byte[] value) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.PAGE_VIEWS, article, value)).get();
		}
	}

	/**
	 * Passes every request through to the real registry, unless a test stub says
	 * otherwise.
	 */
	private static WireMockServer startProxy() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		server.stubFor(
				any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(EmbeddedStack.schemaRegistryUrl())));
		return server;
	}

}
