package dev.newsroom.publisher;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.newsroom.publisher.support.Editors;
import dev.newsroom.publisher.support.PublisherClient;
import dev.newsroom.schemas.Topics;
import dev.newsroom.testsupport.EmbeddedStack;
import dev.newsroom.testsupport.ReplicatedCluster;
import dev.newsroom.testsupport.TopicRecords;

import static dev.newsroom.publisher.support.PublisherClient.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher on a real three-broker cluster (KRaft, in this JVM) whose topics have
 * replication factor 3 and {@code min.insync.replicas} 2: while editors publish, one
 * broker is shut down and later started again, and afterwards every article answered 201
 * is on the topic exactly once; with two brokers down a publish is answered 503, never a
 * false 201, and publishing works again by itself once they are back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeBrokerIT {

	private static final Logger logger = LoggerFactory.getLogger(ThreeBrokerIT.class);

	private KafkaClusterTestKit cluster;

	private ConfigurableApplicationContext publisher;

	private PublisherClient editor;

	@BeforeAll
	void start() throws Exception {
		this.cluster = ReplicatedCluster.start(Map.of());
		this.publisher = new SpringApplicationBuilder(PublisherApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + this.cluster.bootstrapServers(),
				"--spring.kafka.properties.schema.registry.url=" + EmbeddedStack.schemaRegistryUrl(),
				"--spring.kafka.properties.basic.auth.user.info=" + EmbeddedStack.registryUserInfo(),
				"--newsroom.publisher.security.accounts-file=" + Editors.accountsFile(),
				"--newsroom.publisher.instance-id=" + UUID.randomUUID(), "--spring.main.banner-mode=off");
		int port = ((WebServerApplicationContext) this.publisher).getWebServer().getPort();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(PublisherClient.withAuthorization(port, null)
				.send("GET", "/actuator/health/readiness", null)
				.statusCode()).isEqualTo(200));
		this.editor = PublisherClient.signIn(port, Editors.EDITOR);
	}

	@AfterAll
	void stop() throws Exception {
		if (this.publisher != null) {
			this.publisher.close();
		}
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	void whatIsAcknowledgedWhileABrokerIsDownAndBackIsOnTheTopicOnce() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.cluster.bootstrapServers()))) {
			TopicDescription articles = admin.describeTopics(List.of(Topics.ARTICLES))
				.allTopicNames()
				.get()
				.get(Topics.ARTICLES);
			assertThat(articles.partitions()).as("replicas of %s", Topics.ARTICLES)
				.allSatisfy((partition) -> assertThat(partition.replicas()).hasSize(3));
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES);
			assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic).get("min.insync.replicas").value())
				.as("min.insync.replicas of %s", Topics.ARTICLES)
				.isEqualTo("2");
		}
		Map<String, Integer> answers = new ConcurrentHashMap<>();
		Map<String, String> published = new ConcurrentHashMap<>();
		AtomicBoolean publishing = new AtomicBoolean(true);
		ExecutorService editors = Executors.newFixedThreadPool(4);
		for (int i = 0; i < 4; i++) {
			editors.submit(() -> {
				while (publishing.get()) {
					String slug = "cluster-" + UUID.randomUUID();
					HttpResponse<String> response = this.editor.send("POST", "/api/articles", article(slug),
							"Idempotency-Key", slug);
					answers.put(slug, response.statusCode());
					if (response.statusCode() == 201) {
						published.put(slug, read(response).path("id").asString());
					}
				}
				return null;
			});
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> published.size() >= 20);
		BrokerServer stopped = broker(0);
		stopped.shutdown();
		stopped.awaitShutdown();
		int beforeRestart = published.size();
		await().atMost(Duration.ofSeconds(60)).until(() -> published.size() >= beforeRestart + 20);
		stopped.startup();
		int afterRestart = published.size();
		await().atMost(Duration.ofSeconds(60)).until(() -> published.size() >= afterRestart + 20);
		publishing.set(false);
		editors.shutdown();
		assertThat(editors.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

		assertThat(answers.values()).as("answers while a broker was down and back").isSubsetOf(201, 503);
		List<String> ids = new ArrayList<>();
		TopicRecords
			.read(this.cluster.bootstrapServers(), Topics.ARTICLE_CHANGES, new StringDeserializer(),
					new ByteArrayDeserializer(), (record) -> published.containsValue(record.key()), published.size())
			.forEach((record) -> ids.add(record.key()));
		logger.info(
				"Acknowledged {} articles ({} answers 503) while a broker was down and back; {} events of "
						+ "them on {}, {} distinct",
				published.size(), answers.values().stream().filter((status) -> status == 503).count(), ids.size(),
				Topics.ARTICLE_CHANGES, ids.stream().distinct().count());
		assertThat(ids).as("events of the acknowledged articles on %s", Topics.ARTICLE_CHANGES)
			.hasSize(published.size())
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(published.values());
	}

	@Test
	void withTwoBrokersDownAPublishIsRefusedAndWorksAgainOnceTheyAreBack() {
		BrokerServer first = broker(1);
		BrokerServer second = broker(2);
		first.shutdown();
		second.shutdown();
		first.awaitShutdown();
		second.awaitShutdown();
		String slug = "two-down-" + UUID.randomUUID();
		HttpResponse<String> refused = this.editor.send("POST", "/api/articles", article(slug), "Idempotency-Key",
				slug);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);

		first.startup();
		second.startup();
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			String again = "back-" + UUID.randomUUID();
			assertThat(this.editor.send("POST", "/api/articles", article(again), "Idempotency-Key", again).statusCode())
				.isEqualTo(201);
		});
	}

	private BrokerServer broker(int index) {
		return new ArrayList<>(this.cluster.brokers().values()).get(index);
	}

	private static String article(String slug) {
		return """
				{"edition":"en","section":"politics","slug":"%s","title":"Replicated","lead":"L","body":"<p>B</p>"}"""
			.formatted(slug);
	}

}
