package dev.newsroom.viewcounter;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.events.view.PageView;
import dev.newsroom.events.view.TrafficClass;
import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;
import dev.newsroom.testsupport.EmbeddedStack;
import dev.newsroom.testsupport.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once under crashes: the view counter runs in a child JVM that is killed hard
 * ({@code SIGKILL}, no shutdown) three times while views flow, and restarted each time.
 * Afterwards every article's count equals the countable views sent: none lost, none
 * counted twice, although retried beacons and robots were mixed in.
 */
class ViewCounterCrashIT {

	private static final int ARTICLES = 8;

	private static final int CRASHES = 3;

	private static final int VIEWS_PER_SECOND = 300;

	@TempDir
	Path stateDir;

	private final String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + ".";

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Process> children = new ArrayList<>();

	@AfterEach
	void killChildren() {
		this.children.forEach(Process::destroyForcibly);
	}

	@Test
	void killingTheStreamsApplicationHardThreeTimesLosesAndDoublesNothing() throws Exception {
		List<String> articles = new ArrayList<>();
		// Published before the view counter first starts, whose global table then holds
		// them before it counts a view, as on a site where pages appear after publishing.
		EmbeddedStack.createTopics(this.prefix + "articles");
		try (KafkaProducer<String, SpecificRecord> producer = producer()) {
			Instant published = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			for (int i = 0; i < ARTICLES; i++) {
				String articleId = "crash-article-" + i + "-" + UUID.randomUUID();
				producer
					.send(new ProducerRecord<>(this.prefix + "articles", articleId,
							ArticleEvents.event(articleId, ArticleEventType.PUBLISHED, ArticleStatus.PUBLISHED,
									published)))
					.get();
				articles.add(articleId);
			}
		}
		Map<String, AtomicLong> countable = new ConcurrentHashMap<>();
		AtomicBoolean flowing = new AtomicBoolean(true);
		AtomicReference<Throwable> sendFailure = new AtomicReference<>();
		Thread views = new Thread(() -> sendViews(articles, countable, flowing, sendFailure), "views");

		int port = freePort();
		Process counter = start(port);
		awaitRunning(counter, port);
		views.start();
		for (int crash = 1; crash <= CRASHES; crash++) {
			long before = total(countable);
			await().atMost(Duration.ofSeconds(30)).until(() -> total(countable) > before + 300);
			counter.destroyForcibly().waitFor();
			assertThat(counter.exitValue()).as("killed by SIGKILL").isEqualTo(137);
			counter = start(port);
			awaitRunning(counter, port);
		}
		long beforeStop = total(countable);
		await().atMost(Duration.ofSeconds(30)).until(() -> total(countable) > beforeStop + 300);
		flowing.set(false);
		views.join();
		assertThat(sendFailure.get()).as("every view was acknowledged by the broker").isNull();

		Map<String, Long> expected = new HashMap<>();
		countable.forEach((articleId, views1) -> expected.put(articleId, views1.get()));
		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(latestCounts()).isEqualTo(expected));
	}

	/**
	 * Sends views of the articles until told to stop: each reader view counts; now and
	 * then a retried beacon (same view id) or a robot, which do not.
	 */
	private void sendViews(List<String> articles, Map<String, AtomicLong> countable, AtomicBoolean flowing,
			AtomicReference<Throwable> failure) {
		// A steady flow, as from readers, rather than as fast as the broker takes it.
		Bucket pace = Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(20).refillGreedy(VIEWS_PER_SECOND, Duration.ofSeconds(1)).build())
			.build();
		try (KafkaProducer<String, SpecificRecord> producer = producer()) {
			long sent = 0;
			while (flowing.get()) {
				pace.asBlocking().consume(1);
				String articleId = articles.get((int) (sent % articles.size()));
				PageView view = PageView.newBuilder()
					.setViewId(UUID.randomUUID().toString())
					.setArticleId(articleId)
					.setViewedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
					.setVisitorId("reader-" + sent)
					.setTraffic(TrafficClass.READER)
					.build();
				producer.send(new ProducerRecord<>(this.prefix + "page-views", articleId, view));
				if (sent % 10 == 0) {
					producer.send(new ProducerRecord<>(this.prefix + "page-views", articleId, view));
					PageView robot = PageView.newBuilder(view)
						.setViewId(UUID.randomUUID().toString())
						.setVisitorId("robot-" + sent)
						.setTraffic(TrafficClass.BOT)
						.build();
					producer.send(new ProducerRecord<>(this.prefix + "page-views", articleId, robot));
				}
				countable.computeIfAbsent(articleId, (id) -> new AtomicLong()).incrementAndGet();
				sent++;
				if (sent % 50 == 0) {
					// Pace the flow, and learn at once of a view the broker refused.
					producer.flush();
				}
			}
			producer.flush();
		}
		catch (RuntimeException ex) {
			failure.set(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure.set(ex);
		}
	}

	private Map<String, Long> latestCounts() {
		Map<String, Long> latest = new HashMap<>();
		List<ConsumerRecord<String, ArticleViewCount>> records = TopicRecords.readAll(this.prefix + "view-counts",
				new StringDeserializer(), new SpecificAvroDeserializer<>(ArticleViewCount.class,
						new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl())));
		records.forEach((record) -> latest.put(record.key(), record.value().getViews()));
		return latest;
	}

	private Process start(int port) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						ViewCounterApplication.class.getName(), "--server.port=" + port,
						"--spring.kafka.bootstrap-servers=" + EmbeddedStack.bootstrapServers(),
						"--spring.kafka.properties.schema.registry.url=" + EmbeddedStack.schemaRegistryUrl(),
						"--spring.kafka.streams.application-id=" + this.prefix + "counter",
						"--spring.kafka.streams.state-dir=" + this.stateDir,
						"--spring.kafka.streams.properties.group.instance.id=" + this.prefix + "only",
						"--newsroom.view-counter.page-views-topic.name=" + this.prefix + "page-views",
						"--newsroom.view-counter.articles-topic.name=" + this.prefix + "articles",
						"--newsroom.view-counter.view-counts-topic.name=" + this.prefix + "view-counts",
						"--newsroom.view-counter.trending-topic.name=" + this.prefix + "trending",
						"--newsroom.view-counter.dead-letter-topic.name=" + this.prefix + "dlt",
						"--spring.main.banner-mode=off", "--logging.level.root=WARN"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.stateDir.resolveSibling(this.stateDir.getFileName() + "-child.log").toFile());
		builder.environment().put("SCHEMA_REGISTRY_USER_INFO", EmbeddedStack.registryUserInfo());
		Process process = builder.start();
		this.children.add(process);
		return process;
	}

	private void awaitRunning(Process counter, int port) {
		// Not listening yet is not a failure; exiting is.
		await().atMost(Duration.ofSeconds(120)).ignoreException(ConnectException.class).untilAsserted(() -> {
			assertThat(counter.isAlive()).as("the view counter is running").isTrue();
			assertThat(this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles/any/views"))
					.build(), BodyHandlers.discarding())
				.statusCode()).isEqualTo(200);
		});
	}

	private static long total(Map<String, AtomicLong> countable) {
		return countable.values().stream().mapToLong(AtomicLong::get).sum();
	}

	private static KafkaProducer<String, SpecificRecord> producer() {
		return ArticleEvents.producer();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
