package dev.newsroom.notifier.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.notifier.ArticleEvents;
import dev.newsroom.notifier.Editors;
import dev.newsroom.notifier.NotifierApplication;
import dev.newsroom.schemas.Topics;
import dev.newsroom.testsupport.EmbeddedStack;
import dev.newsroom.testsupport.SecuredKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifier against a broker that takes only SASL/SCRAM over TLS, configured through
 * Spring Boot's standard {@code spring.kafka.*} keys alone: a published article is
 * announced (on the log channel, the one it has without configured channels), its
 * planning and its ledger written in Kafka transactions over the secured listener.
 */
class SecuredKafkaIT {

	private static SecuredKafka kafka;

	@BeforeAll
	static void startBroker() throws Exception {
		kafka = SecuredKafka.start();
		try (Admin admin = kafka.internalAdmin()) {
			admin.createTopics(List.of(Topics.declaration(Topics.ARTICLES).newTopic(1))).all().get();
		}
	}

	@AfterAll
	static void stopBroker() {
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void announcesAnArticleReadOverSaslScramAndTls() throws Exception {
		List<String> arguments = new ArrayList<>(
				List.of(SecuredKafka.asArguments(kafka.clientSettings(kafka.password(), true))));
		arguments.addAll(List.of("--server.port=0",
				"--spring.kafka.properties.schema.registry.url=" + EmbeddedStack.schemaRegistryUrl(),
				"--spring.kafka.properties.basic.auth.user.info=" + EmbeddedStack.registryUserInfo(),
				"--newsroom.notifier.security.accounts-file=" + Editors.accountsFile(),
				"--newsroom.notifier.instance-id=secured-" + UUID.randomUUID(), "--spring.main.banner-mode=off"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NotifierApplication.class)
			.run(arguments.toArray(String[]::new));
				KafkaProducer<String, ArticleEvent> producer = ArticleEvents.producer(kafka.clientConfig())) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			ArticleEvent published = ArticleEvents.published("en", "Announced over TLS");
			ArticleEvents.publish(producer, Topics.ARTICLES, published);

			RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).build();
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				JsonNode deliveries = http.get()
					.uri("/api/articles/{id}/deliveries", published.getArticle().getId())
					.retrieve()
					.body(JsonNode.class);
				assertThat(deliveries).isNotNull();
				assertThat(deliveries.valueStream().map((delivery) -> delivery.path("state").asString()).toList())
					.containsExactly("DELIVERED");
			});
		}
	}

}
