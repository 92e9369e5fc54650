package dev.newsroom.notifier.engine;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
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

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.notifier.ArticleEvents;
import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.schemas.serde.SpecificAvroSerializer;
import dev.newsroom.testsupport.EmbeddedStack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An article event that arrives while the schema registry is down is announced once the
 * registry is back, instead of being dead-lettered: the record was fine, only the
 * registry was away. Uses a registry of its own, on its own topics and groups, so that it
 * can be stopped and started again.
 */
@SpringBootTest(properties = { "newsroom.notifier.channels.tg.platform=telegram",
		"newsroom.notifier.channels.tg.telegram.bot-token=" + RegistryOutageIT.TOKEN,
		"newsroom.notifier.channels.tg.telegram.chat-id=@newsroom_test",
		"newsroom.notifier.articles-topic=" + RegistryOutageIT.TOPIC,
		"newsroom.notifier.dead-letter-topic.name=" + RegistryOutageIT.TOPIC + ".dlt",
		"newsroom.notifier.deliveries-topic.name=" + RegistryOutageIT.TOPIC + ".deliveries",
		"spring.kafka.consumer.group-id=outage-notifier", "newsroom.notifier.instance-id=outage" })
class RegistryOutageIT {

	static final String TOKEN = "777:OUTAGE-token";

	static final String TOPIC = "outage.articles";

	private static final WireMockServer telegram = startTelegram();

	private static final int registryPort = freePort();

	private static ConfigurableApplicationContext registry = startRegistry();

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry properties) {
		EmbeddedStack.createTopics(TOPIC);
		properties.add("spring.kafka.bootstrap-servers", EmbeddedStack::bootstrapServers);
		properties.add("spring.kafka.properties.schema.registry.url", RegistryOutageIT::registryUrl);
		properties.add("spring.kafka.properties.basic.auth.user.info", EmbeddedStack::registryUserInfo);
		properties.add("newsroom.notifier.channels.tg.telegram.api-url", telegram::baseUrl);
	}

	@AfterAll
	static void stop() {
		registry.close();
		telegram.stop();
	}

	@Test
	void eventArrivingWhileTheRegistryIsDownIsAnnouncedWhenItIsBack() throws Exception {
		ArticleEvent event = ArticleEvents.published("en", "Announced after the outage");
		byte[] serialized = new SpecificAvroSerializer<ArticleEvent>(
				new HttpSchemaRegistryClient(registryUrl(), EmbeddedStack.registryUserInfo()))
			.serialize(TOPIC, event);
		registry.close();

		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(TOPIC, event.getArticle().getId(), serialized)).get();
		}
		// Longer than a poison pill's retries: it would be dead-lettered by now.
		await().during(Duration.ofSeconds(8))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(telegram.getAllServeEvents()).isEmpty());

		registry = startRegistry();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(telegram.findAll(postRequestedFor(urlEqualTo("/bot" + TOKEN + "/sendMessage"))
						.withRequestBody(containing("Announced after the outage")))).hasSize(1));
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

	private static WireMockServer startTelegram() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		server.stubFor(post(urlEqualTo("/bot" + TOKEN + "/sendMessage")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":true,\"result\":{\"message_id\":1,\"chat\":{\"id\":-100,\"username\":\"newsroom_test\"},"
					+ "\"date\":1732867200}}")));
		return server;
	}

}
