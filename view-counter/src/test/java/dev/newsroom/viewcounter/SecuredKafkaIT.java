package dev.newsroom.viewcounter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.schemas.Topics;
import dev.newsroom.testsupport.EmbeddedStack;
import dev.newsroom.testsupport.SecuredKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The view counter against a broker that takes only SASL/SCRAM over TLS, configured
 * through Spring Boot's standard {@code spring.kafka.*} keys alone: the beacon's producer
 * and the exactly-once Streams application both connect, and a reader's view of a
 * published article is counted.
 */
class SecuredKafkaIT {

	private static SecuredKafka kafka;

	@BeforeAll
	static void startBroker() throws Exception {
		kafka = SecuredKafka.start();
	}

	@AfterAll
	static void stopBroker() {
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void countsAViewOverSaslScramAndTls() throws Exception {
		List<String> arguments = new ArrayList<>(
				List.of(SecuredKafka.asArguments(kafka.clientSettings(kafka.password(), true))));
		arguments.addAll(List.of("--server.port=0",
				"--spring.kafka.properties.schema.registry.url=" + EmbeddedStack.schemaRegistryUrl(),
				"--spring.kafka.properties.basic.auth.user.info=" + EmbeddedStack.registryUserInfo(),
				"--spring.kafka.streams.state-dir=" + Files.createTempDirectory("secured-view-counter"),
				"--spring.main.banner-mode=off"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ViewCounterApplication.class)
			.run(arguments.toArray(String[]::new));
				KafkaProducer<String, SpecificRecord> producer = ArticleEvents.producer(kafka.clientConfig())) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
						.build(), BodyHandlers.ofString())
					.statusCode()).as("readiness").isEqualTo(200));
			String articleId = "secured-" + UUID.randomUUID();
			ArticleEvent published = ArticleEvents.event(articleId, ArticleEventType.PUBLISHED, ArticleStatus.PUBLISHED,
					Instant.now().truncatedTo(ChronoUnit.MILLIS));
			producer.send(new ProducerRecord<>(Topics.ARTICLES, articleId, published)).get();

			HttpResponse<String> beacon = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/views"))
					.header("Content-Type", "application/json")
					.header("User-Agent", ViewCountingIT.FIREFOX)
					.POST(BodyPublishers.ofString("{\"articleId\":\"" + articleId + "\"}"))
					.build(), BodyHandlers.ofString());
			assertThat(beacon.statusCode()).as(beacon.body()).isEqualTo(202);
			URI views = URI.create("http://localhost:" + port + "/api/articles/" + articleId + "/views");
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				HttpResponse<String> count = http.send(HttpRequest.newBuilder(views).build(), BodyHandlers.ofString());
				assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
				assertThat(JsonMapper.shared().readTree(count.body()).path("views").asLong()).isEqualTo(1);
			});
		}
	}

}
