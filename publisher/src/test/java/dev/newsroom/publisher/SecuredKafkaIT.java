package dev.newsroom.publisher;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import dev.newsroom.publisher.support.Editors;
import dev.newsroom.publisher.support.PublisherClient;
import dev.newsroom.schemas.Topics;
import dev.newsroom.testsupport.EmbeddedStack;
import dev.newsroom.testsupport.SecuredKafka;

import static dev.newsroom.publisher.support.PublisherClient.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The publisher against a broker that takes only SASL/SCRAM over TLS, configured through
 * Spring Boot's standard {@code spring.kafka.*} keys alone: an article is published and
 * acknowledged, and the wrong password, or a trust store without the broker's
 * certificate, stop it at startup with a message that says which.
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
	void publishesOverSaslScramAndTls() throws Exception {
		ConfigurableApplicationContext context = launch(kafka.clientSettings(kafka.password(), true));
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		try {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(PublisherClient.withAuthorization(port, null)
					.send("GET", "/actuator/health/readiness", null)
					.statusCode()).isEqualTo(200));
			HttpResponse<String> response = PublisherClient.signIn(port, Editors.EDITOR)
				.send("POST", "/api/articles", """
						{"edition":"en","section":"politics","slug":"secured-%s","title":"Over TLS","lead":"L",
						"body":"<p>B</p>"}""".formatted(UUID.randomUUID()));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			JsonNode body = read(response);
			TopicPartition partition = new TopicPartition(Topics.ARTICLES, body.path("partition").asInt());
			try (Admin admin = kafka.internalAdmin()) {
				assertThat(admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
					.partitionResult(partition)
					.get()
					.offset()).as("end of %s on the secured broker", partition)
					.isGreaterThan(body.path("offset").asLong());
			}
		}
		finally {
			context.close();
		}
	}

	@Test
	void aWrongPasswordStopsItAtStartupSayingTheCredentialsWereRefused() {
		Throwable failure = catchThrowable(() -> launch(kafka.clientSettings("not-the-password", true)));
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage()).contains("invalid credentials");
		assertThat(failure).hasStackTraceContaining("Kafka refused this service's credentials");
	}

	@Test
	void aBrokerCertificateTheTrustStoreDoesNotHoldStopsItAtStartupSayingSo() {
		Throwable failure = catchThrowable(() -> launch(kafka.clientSettings(kafka.password(), false)));
		assertThat(failure).hasStackTraceContaining("TLS handshake with Kafka failed")
			.hasStackTraceContaining("spring.kafka.ssl.trust-store-location");
	}

	@Test
	void anExpiredBrokerCertificateStopsItAtStartupSayingSo() {
		Throwable failure = catchThrowable(() -> launch(kafka.expiredCertificateSettings()));
		assertThat(failure).hasStackTraceContaining("the brokers' certificate is not valid now (NotAfter:")
			.hasStackTraceContaining("Renew the brokers' certificates");
	}

	private ConfigurableApplicationContext launch(Map<String, String> kafkaSettings) {
		List<String> arguments = new ArrayList<>(List.of(SecuredKafka.asArguments(kafkaSettings)));
		arguments.addAll(List.of("--server.port=0",
				"--spring.kafka.properties.schema.registry.url=" + EmbeddedStack.schemaRegistryUrl(),
				"--spring.kafka.properties.basic.auth.user.info=" + EmbeddedStack.registryUserInfo(),
				"--newsroom.publisher.security.accounts-file=" + Editors.accountsFile(),
				"--newsroom.publisher.instance-id=" + UUID.randomUUID(), "--spring.main.banner-mode=off"));
		return new SpringApplicationBuilder(PublisherApplication.class).run(arguments.toArray(String[]::new));
	}

}
