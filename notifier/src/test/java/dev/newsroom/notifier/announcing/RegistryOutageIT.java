package dev.newsroom.notifier.announcing;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.notifier.channels.telegram.FakeTelegramBotApi;
import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.schemas.serde.SpecificAvroSerializer;
import dev.newsroom.testsupport.EmbeddedStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An article event that arrives while the schema registry is down is announced once the
 * registry is back, instead of being dead-lettered: the record was fine, only the
 * registry was away. Uses a registry of its own, on its own topics, so that it can be
 * stopped and started again.
 */
@SpringBootTest(properties = { "newsroom.notifier.telegram.bot-token=" + RegistryOutageIT.TOKEN,
		"newsroom.notifier.telegram.chat-id=@newsroom_test",
		"newsroom.notifier.articles-topic=" + RegistryOutageIT.TOPIC,
		"newsroom.notifier.dead-letter-topic.name=" + RegistryOutageIT.TOPIC + ".dlt",
		"newsroom.notifier.deliveries-topic.name=" + RegistryOutageIT.TOPIC + ".deliveries",
		"spring.kafka.consumer.group-id=outage-notifier", "newsroom.notifier.delivery.redelivery-limit=5s" })
class RegistryOutageIT {

	static final String TOKEN = "777:OUTAGE-token";

	static final String TOPIC = "outage.articles";

	private static final FakeTelegramBotApi telegram = startTelegram();

	private static final int registryPort = freePort();

	private static ConfigurableApplicationContext registry = startRegistry();

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry properties) {
		EmbeddedStack.createTopics(TOPIC);
		properties.add("spring.kafka.bootstrap-servers", EmbeddedStack::bootstrapServers);
		properties.add("spring.kafka.properties.schema.registry.url", RegistryOutageIT::registryUrl);
		properties.add("spring.kafka.properties.basic.auth.user.info", EmbeddedStack::registryUserInfo);
		properties.add("newsroom.notifier.telegram.api-url", telegram::url);
	}

	@AfterAll
	static void stop() {
		registry.close();
		telegram.close();
	}

	@Test
	void eventArrivingWhileTheRegistryIsDownIsAnnouncedWhenItIsBack() throws Exception {
		ArticleEvent event = event("Announced after the outage");
		byte[] serialized = new SpecificAvroSerializer<ArticleEvent>(
				new HttpSchemaRegistryClient(registryUrl(), EmbeddedStack.registryUserInfo()))
			.serialize(TOPIC, event);
		registry.close();

		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(TOPIC, event.getArticle().getId(), serialized)).get();
		}
		// Longer than the redelivery limit: a poison pill would be dead-lettered by now.
		await().during(Duration.ofSeconds(8))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(telegram.requests()).isEmpty());

		registry = startRegistry();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(telegram.requests()).singleElement()
				.satisfies((request) -> assertThat(request.body().path("text").asString())
					.contains("Announced after the outage")));
	}

	private static ConfigurableApplicationContext startRegistry() {
		return EmbeddedStack.startSchemaRegistry(registryPort, "_schemas_outage_it");
	}

	private static String registryUrl() {
		return "http://localhost:" + registryPort;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port for the test registry", ex);
		}
	}

	private static FakeTelegramBotApi startTelegram() {
		try {
			return new FakeTelegramBotApi(TOKEN, "newsroom_test");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the fake Telegram Bot API", ex);
		}
	}

	private static ArticleEvent event(String title) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String id = UUID.randomUUID().toString();
		return ArticleEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setType(ArticleEventType.PUBLISHED)
			.setOccurredAt(now)
			.setActor("it")
			.setArticle(Article.newBuilder()
				.setId(id)
				.setVersion(1)
				.setEdition("en")
				.setSection("world")
				.setSlug("outage")
				.setCanonicalUrl("https://news.example/en/world/outage")
				.setTitle(title)
				.setLead("Lead.")
				.setBody("<p>Body</p>")
				.setPublishedAt(now)
				.setUpdatedAt(now)
				.build())
			.build();
	}

}
