package dev.newsroom.publisher;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.newsroom.publisher.lifecycle.Partitions;
import dev.newsroom.publisher.support.PublisherClient;
import dev.newsroom.publisher.support.PublisherTopics;
import dev.newsroom.publisher.support.Editors;
import dev.newsroom.testsupport.EmbeddedStack;

import static dev.newsroom.publisher.support.PublisherClient.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several publisher instances against one broker, started and stopped within the test:
 * they behave as one, and a new instance rebuilds the same catalogue, history, schedules
 * and remembered requests from the topics alone. The topics and the writers' group are
 * this test's own, so that no other test's publisher takes part.
 */
class PublisherInstancesIT {

	private static final String PREFIX = "instances-it.";

	private static final int PARTITIONS = 3;

	private final List<ConfigurableApplicationContext> running = new ArrayList<>();

	@BeforeAll
	static void compactQuickly() throws Exception {
		// The broker's log cleaner looks for work every 15 s by default.
		try (Admin admin = admin()) {
			admin
				.incrementalAlterConfigs(
						Map.of(new ConfigResource(ConfigResource.Type.BROKER, ""),
								List.of(new AlterConfigOp(new ConfigEntry("log.cleaner.backoff.ms", "200"),
										AlterConfigOp.OpType.SET))))
				.all()
				.get();
		}
	}

	@AfterEach
	void stopAll() {
		this.running.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void concurrentUpdatesWithTheSameVersionOnTwoInstancesGiveOneSuccessAndOne412() {
		PublisherClient a = PublisherClient.signIn(start(), Editors.EDITOR);
		PublisherClient b = PublisherClient.signIn(start(), Editors.EDITOR);
		for (int i = 0; i < 5; i++) {
			String id = created(a, slug());
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(b.send("GET", "/api/articles/" + id, null).statusCode()).isEqualTo(200));
			String update = correction(a, id, "Title from A");
			CompletableFuture<HttpResponse<String>> fromA = CompletableFuture
				.supplyAsync(() -> a.send("PUT", "/api/articles/" + id, update, "If-Match", "\"1\""));
			CompletableFuture<HttpResponse<String>> fromB = CompletableFuture.supplyAsync(() -> b.send("PUT",
					"/api/articles/" + id, update.replace("Title from A", "Title from B"), "If-Match", "\"1\""));
			List<Integer> statuses = List.of(fromA.join().statusCode(), fromB.join().statusCode());
			assertThat(statuses).as("article %s", id).containsExactlyInAnyOrder(200, 412);
			JsonNode history = read(a.send("GET", "/api/articles/" + id + "/history", null));
			assertThat(history.path("versions").size()).isEqualTo(2);
		}
	}

	@Test
	void sameSlugCreatedOnTwoInstancesAtOnceIsCreatedOnce() {
		PublisherClient a = PublisherClient.signIn(start(), Editors.EDITOR);
		PublisherClient b = PublisherClient.signIn(start(), Editors.EDITOR);
		for (int i = 0; i < 5; i++) {
			String slug = slug();
			CompletableFuture<HttpResponse<String>> fromA = CompletableFuture
				.supplyAsync(() -> a.send("POST", "/api/articles", article(slug, "A")));
			CompletableFuture<HttpResponse<String>> fromB = CompletableFuture
				.supplyAsync(() -> b.send("POST", "/api/articles", article(slug, "B")));
			assertThat(List.of(fromA.join().statusCode(), fromB.join().statusCode())).containsExactlyInAnyOrder(201,
					409);
		}
	}

	@Test
	void newInstanceRebuildsTheSameAnswersFromTheTopicsAlone() {
		int first = start();
		PublisherClient a = PublisherClient.signIn(first, Editors.EDITOR);
		String section = "s" + UUID.randomUUID().toString().substring(0, 8);
		String id = created(a, slug(), section);
		a.send("PUT", "/api/articles/" + id, correction(a, id, "Corrected title"), "If-Match", "\"1\"");
		String retracted = created(a, slug(), section);
		a.send("POST", "/api/articles/" + retracted + "/unpublish", "{\"reason\":\"Wrong photo\"}", "If-Match",
				"\"1\"");
		String key = UUID.randomUUID().toString();
		String keyed = article(slug(), "Keyed");
		HttpResponse<String> original = a.send("POST", "/api/articles", keyed, "Idempotency-Key", key);
		List<String> paths = List.of("/api/articles/" + id, "/api/articles/" + id + "/history",
				"/api/articles/" + retracted, "/api/articles?section=" + section);
		List<String> before = paths.stream().map((path) -> answer(a, path)).toList();
		stop(first);

		PublisherClient fresh = PublisherClient.signIn(start(), Editors.EDITOR);
		assertThat(paths.stream().map((path) -> answer(fresh, path)).toList()).isEqualTo(before);
		HttpResponse<String> retry = fresh.send("POST", "/api/articles", keyed, "Idempotency-Key", key);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(original.body());
	}

	@Test
	void historySurvivesCompactionOfTheArticlesTopic() {
		PublisherClient a = PublisherClient.signIn(start(), Editors.EDITOR);
		String id = created(a, slug());
		a.send("PUT", "/api/articles/" + id, correction(a, id, "Second"), "If-Match", "\"1\"");
		a.send("PUT", "/api/articles/" + id, correction(a, id, "Third"), "If-Match", "\"2\"");
		TopicPartition partition = new TopicPartition(PREFIX + "articles", Partitions.of(id, PARTITIONS));

		// Compaction never touches the active segment: keep writing so that segments
		// roll.
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			created(a, slug());
			assertThat(recordsOnTopic(partition, id)).as("records of %s left on the compacted topic", id).isOne();
		});

		assertThat(read(a.send("GET", "/api/articles/" + id, null)).path("version").asLong()).isEqualTo(3);
		assertThat(read(a.send("GET", "/api/articles/" + id + "/history", null)).path("versions").size()).isEqualTo(3);
		PublisherClient fresh = PublisherClient.signIn(start(), Editors.EDITOR);
		JsonNode history = read(fresh.send("GET", "/api/articles/" + id + "/history", null));
		assertThat(history.path("versions").size()).isEqualTo(3);
		assertThat(history.path("versions").get(0).path("title").asString()).isEqualTo("Budget passes");
	}

	@Test
	void scheduleMissedWhileThePublisherWasDownIsPublishedOnStartWithItsDelay() {
		int port = start();
		PublisherClient a = PublisherClient.signIn(port, Editors.EDITOR);
		Instant publishAt = Instant.now().plusSeconds(3);
		HttpResponse<String> scheduled = a.send("POST", "/api/articles",
				article(slug(), "Scheduled").replace("\"breaking\": false", "\"publishAt\": \"" + publishAt + "\""));
		assertThat(scheduled.statusCode()).isEqualTo(201);
		String id = read(scheduled).path("id").asString();
		stop(port);
		await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(publishAt.plusSeconds(1)));

		PublisherClient restarted = PublisherClient.signIn(start(), Editors.EDITOR);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(read(restarted.send("GET", "/api/articles/" + id, null)).path("status").asString())
						.isEqualTo("PUBLISHED"));
		JsonNode published = read(restarted.send("GET", "/api/articles/" + id + "/history", null)).path("versions")
			.get(1);
		assertThat(published.path("publishDelayMillis").asLong()).isGreaterThanOrEqualTo(1000);
	}

	private int start() {
		return start(EmbeddedStack.registryUserInfo());
	}

	private int start(String registryUserInfo) {
		int port = launch(PREFIX, registryUserInfo);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(PublisherClient.withAuthorization(port, null)
				.send("GET", "/actuator/health/readiness", null)
				.statusCode()).isEqualTo(200));
		return port;
	}

	private int launch(String prefix, String registryUserInfo) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PublisherApplication.class)
			// Arguments, since properties set on the builder yield to application.yml.
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + EmbeddedStack.bootstrapServers(),
					"--spring.kafka.properties.schema.registry.url=" + EmbeddedStack.schemaRegistryUrl(),
					"--spring.kafka.properties.basic.auth.user.info=" + registryUserInfo,
					"--spring.kafka.consumer.group-id=" + prefix + "writers",
					"--newsroom.publisher.security.accounts-file=" + Editors.accountsFile(),
					"--newsroom.publisher.instance-id=" + UUID.randomUUID(),
					"--newsroom.publisher.topics.articles.name=" + prefix + "articles",
					"--newsroom.publisher.topics.articles.partitions=" + PARTITIONS,
					"--newsroom.publisher.topics.articles.configs.segment.ms=100",
					"--newsroom.publisher.topics.articles.configs.min.cleanable.dirty.ratio=0.01",
					"--newsroom.publisher.topics.articles.configs.delete.retention.ms=0",
					"--newsroom.publisher.topics.changes.name=" + prefix + "changes",
					"--newsroom.publisher.topics.commands.name=" + prefix + "commands",
					"--newsroom.publisher.topics.commands.partitions=" + PARTITIONS,
					"--newsroom.publisher.topics.requests.name=" + prefix + "requests",
					"--newsroom.publisher.topics.requests.partitions=" + PARTITIONS,
					"--newsroom.publisher.topics.replies.name=" + prefix + "replies",
					"--newsroom.publisher.topics.dead-letters.name=" + prefix + "commands-dlt",
					"--spring.main.banner-mode=off");
		this.running.add(context);
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void failureThatRetryingCannotFixIsA500ThatSaysWhatIsWrongAndWritesNothing(CapturedOutput output) {
		String user = EmbeddedStack.registryUserInfo().split(":")[0];
		PublisherClient a = PublisherClient.signIn(start(user + ":wrong-password"), Editors.EDITOR);
		var before = PublisherTopics.endOffsets(List.of(PREFIX + "articles", PREFIX + "changes"));

		HttpResponse<String> response = a.send("POST", "/api/articles", article(slug(), "Refused by the registry"));

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		JsonNode problem = read(response);
		assertThat(problem.path("type").asString()).isEqualTo("https://newsroom.dev/problems/event-not-serializable");
		assertThat(problem.path("detail").asString()).contains("credentials were refused")
			.contains("Retrying will not help");
		assertThat(PublisherTopics.endOffsets(List.of(PREFIX + "articles", PREFIX + "changes"))).isEqualTo(before);
		assertThat(output.getAll()).contains("ERROR").contains("cannot be written");
	}

	@Test
	void articlesTopicWithAnotherPartitionCountIsReportedAndNotWrittenTo() throws Exception {
		String prefix = "misaligned-it.";
		try (Admin admin = admin()) {
			// More partitions than configured: the admin never takes partitions away.
			admin.createTopics(List.of(new NewTopic(prefix + "articles", PARTITIONS + 1, (short) 1))).all().get();
		}
		int port = launch(prefix, EmbeddedStack.registryUserInfo());
		PublisherClient anonymous = PublisherClient.withAuthorization(port, null);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> readiness = anonymous.send("GET", "/actuator/health/readiness", null);
			assertThat(readiness.statusCode()).isEqualTo(503);
		});
		assertThat(anonymous.send("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
	}

	private void stop(int port) {
		this.running.removeIf((context) -> {
			boolean stop = ((WebServerApplicationContext) context).getWebServer().getPort() == port;
			if (stop) {
				context.close();
			}
			return stop;
		});
	}

	private static int recordsOnTopic(TopicPartition partition, String id) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			int records = 0;
			while (consumer.position(partition) < end) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (id.equals(record.key())) {
						records++;
					}
				}
			}
			return records;
		}
	}

	private static String answer(PublisherClient client, String path) {
		HttpResponse<String> response = client.send("GET", path, null);
		return response.statusCode() + " " + response.body();
	}

	private static String created(PublisherClient client, String slug) {
		return created(client, slug, "politics");
	}

	private static String created(PublisherClient client, String slug, String section) {
		HttpResponse<String> response = client.send("POST", "/api/articles",
				article(slug, "Budget passes").replace("\"politics\"", "\"" + section + "\""));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return read(response).path("id").asString();
	}

	private static String correction(PublisherClient client, String id, String title) {
		JsonNode current = read(client.send("GET", "/api/articles/" + id, null));
		return """
				{"edition":"en","section":"%s","slug":"%s","title":"%s","lead":"Lead.","body":"<p>Body</p>",
				 "change":{"kind":"correction","note":"Corrected."}}
				""".formatted(current.path("section").asString(), current.path("slug").asString(), title);
	}

	private static String article(String slug, String title) {
		return """
				{"edition":"en","section":"politics","slug":"%s","title":"%s","lead":"Lead.",
				 "body":"<p>Body</p>","breaking": false}
				""".formatted(slug, title);
	}

	private static String slug() {
		return "story-" + UUID.randomUUID();
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()));
	}

}
