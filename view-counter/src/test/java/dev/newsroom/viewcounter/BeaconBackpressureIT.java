package dev.newsroom.viewcounter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;

import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.events.view.PageView;
import dev.newsroom.schemas.Topics;
import dev.newsroom.testsupport.EmbeddedStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The beacon under a broker that stops keeping up. The broker throttles the beacon's
 * producer with a client quota (a real broker's way of being slow), so the producer's
 * small buffer fills: the beacon then answers 503 with {@code Retry-After} and a problem
 * at once, instead of holding its request thread. Once the quota is lifted, every view
 * that was answered 202 is counted, and none was lost.
 */
// Closed after the class, before its state directory is deleted.
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "newsroom.view-counter.beacon.per-address-per-minute=1000000",
				// A buffer of a few records' batches: a throttled producer fills it fast.
				"spring.kafka.producer.properties.buffer.memory=16384",
				"spring.kafka.producer.properties.batch.size=1024" })
class BeaconBackpressureIT {

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	/**
	 * Bytes a second the throttled producer may send: far less than the beacons bring.
	 */
	private static final double THROTTLED_BYTE_RATE = 256;

	private static final int MOST_BEACONS = 20_000;

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path stateDir;

	private final int port;

	private final KafkaTemplate<String, PageView> beaconProducer;

	private final MeterRegistry meters;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	BeaconBackpressureIT(@LocalServerPort int port, @Autowired KafkaTemplate<String, PageView> beaconProducer,
			@Autowired MeterRegistry meters) {
		this.port = port;
		this.beaconProducer = beaconProducer;
		this.meters = meters;
	}

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		EmbeddedStack.register(registry);
		registry.add("spring.kafka.streams.state-dir", stateDir::toString);
	}

	@Test
	void aFullProducerBufferIsAnswered503AtOnceAndNoAcceptedViewIsLost(CapturedOutput output) throws Exception {
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.until(() -> counts(List.of("any")).statusCode() == 200);
		List<String> articles = IntStream.range(0, 6).mapToObj((n) -> "backpressure-" + UUID.randomUUID()).toList();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		articles.forEach((articleId) -> ArticleEvents.publish(Topics.ARTICLES,
				ArticleEvents.event(articleId, ArticleEventType.PUBLISHED, ArticleStatus.PUBLISHED, now)));
		Map<String, Long> accepted = new LinkedHashMap<>();
		articles.forEach((articleId) -> accepted.put(articleId, 0L));
		// The first view makes the producer, whose client id the quota names.
		assertThat(beacon(articles.get(0)).statusCode()).isEqualTo(202);
		accepted.merge(articles.get(0), 1L, Long::sum);

		ClientQuotaEntity producer = new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, producerClientId()));
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()))) {
			HttpResponse<String> refused = null;
			try {
				byteRate(admin, producer, THROTTLED_BYTE_RATE);
				for (int n = 1; n < MOST_BEACONS && refused == null; n++) {
					String articleId = articles.get(n % articles.size());
					HttpResponse<String> answer = beacon(articleId);
					if (answer.statusCode() == 202) {
						accepted.merge(articleId, 1L, Long::sum);
					}
					else {
						refused = answer;
					}
				}
			}
			finally {
				byteRate(admin, producer, null);
			}
			assertThat(refused).as("a beacon answered other than 202 while the producer was throttled").isNotNull();
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			JsonNode problem = json.readTree(refused.body());
			assertThat(problem.path("type").asString()).isEqualTo("https://newsroom.dev/problems/view-not-recorded");
			assertThat(problem.path("detail").asString()).contains("Send the beacon again later");
		}
		assertThat(accepted.values().stream().mapToLong(Long::longValue).sum())
			.as("views accepted before the buffer was full")
			.isGreaterThan(articles.size());

		await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
			HttpResponse<String> response = counts(articles);
			assertThat(response.statusCode()).isEqualTo(200);
			Map<String, Long> counted = new LinkedHashMap<>();
			json.readTree(response.body())
				.forEach((count) -> counted.put(count.path("articleId").asString(), count.path("views").asLong()));
			assertThat(counted).isEqualTo(accepted);
		});
		assertThat(this.meters.get("newsroom.beacon.views.lost").counter().count()).isZero();
		// A refused beacon is a 503, not an ERROR line with the view in it.
		assertThat(output.getAll()).doesNotContain("Exception thrown when sending a message");
	}

	private String producerClientId() {
		return this.beaconProducer.metrics()
			.keySet()
			.stream()
			.filter((name) -> name.group().equals("producer-metrics"))
			.map((name) -> name.tags().get("client-id"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The beacon's producer has no metrics, so it was never made"));
	}

	private static void byteRate(Admin admin, ClientQuotaEntity entity, Double bytesPerSecond) throws Exception {
		admin.alterClientQuotas(List.of(new ClientQuotaAlteration(entity,
				List.of(new ClientQuotaAlteration.Op("producer_byte_rate", bytesPerSecond)))))
			.all()
			.get();
	}

	/** A view by a new reader, which counts. */
	private HttpResponse<String> beacon(String articleId) throws Exception {
		String visitor = UUID.randomUUID().toString().replace("-", "");
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/views"))
			.header("Content-Type", "application/json")
			.header("User-Agent", FIREFOX)
			.header("Cookie", "nr_vid=" + visitor)
			.POST(BodyPublishers.ofString("{\"articleId\":\"" + articleId + "\"}"))
			.build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> counts(List<String> articleIds) throws Exception {
		return this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/views?ids=" + String.join(",", articleIds)))
			.build(), BodyHandlers.ofString());
	}

}
