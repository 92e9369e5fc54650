package dev.newsroom.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import dev.newsroom.testsupport.ReplicatedCluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline on a real three-broker cluster (KRaft, in this JVM) whose topics
 * have replication factor 3 and {@code min.insync.replicas} 2, with the registry, the
 * publisher, the view counter and the notifier run from their built jars as the local
 * stack runs them, and a partner's webhook (WireMock) as the notifier's only channel.
 * <p>
 * While an editor publishes at 100 articles a second and readers send 50 beacons a
 * second, the broker that leads the first partition of {@code newsroom.article-changes}
 * is stopped without a controlled shutdown: it hands no leadership over, and the
 * controller only finds out when its heartbeats stop, as with a killed process. It is
 * started again later. Afterwards every article answered 201 is on the topic once, each
 * article's count is exactly the beacons answered 202, and the webhook was called once
 * per article.
 * <p>
 * Needs the services' jars: run it from the repository root ({@code ./mvnw verify}),
 * which builds them first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeBrokerPipelineIT {

	private static final Logger logger = LoggerFactory.getLogger(ThreeBrokerPipelineIT.class);

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	private static final String EDITOR = "leyla";

	private static final String ARTICLE_CHANGES = "newsroom.article-changes";

	private static final String PAGE_VIEWS = "newsroom.page-views";

	private static final String VIEW_COUNTER_GROUP = "newsroom-view-counter";

	private static final long PUBLISH_EVERY_MS = 10;

	private static final long BEACON_EVERY_MS = 20;

	private static final int READ_ARTICLES = 20;

	private static final int MAX_IN_FLIGHT = 64;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String password = UUID.randomUUID().toString();

	private KafkaClusterTestKit cluster;

	private WireMockServer partner;

	private Supervisor supervisor;

	private final Map<String, SupervisedService> services = new LinkedHashMap<>();

	@BeforeAll
	void start() throws Exception {
		Path repository = Path.of("..").toAbsolutePath().normalize();
		LocalStackSettings settings = new LocalStackSettings(repository,
				Files.createTempDirectory(Files.createDirectories(Path.of("target")), "three-broker-pipeline"), 0, 0,
				freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), "http://localhost:8080",
				List.of(LocalStackSettings.DEFAULT_JVM_OPTIONS.split(" ")), false);
		for (String service : List.of("schema-registry", "publisher", "view-counter", "notifier")) {
			assertThat(settings.jarOf(service))
				.as("the %s jar; run this test from the repository root with ./mvnw verify", service)
				.isRegularFile();
		}
		// A stopped broker hands nothing over, like a killed one.
		this.cluster = ReplicatedCluster.start(Map.of("controlled.shutdown.enable", "false"));
		this.partner = new WireMockServer(options().dynamicPort());
		this.partner.start();
		this.partner.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));

		Path home = settings.home();
		Path accounts = home.resolve("publisher-accounts.json");
		Files.writeString(accounts, """
				{"accounts":[{"name":"%s","passwordHash":"%s","roles":["EDITOR"]}],"tokens":[]}""".formatted(EDITOR,
				new BCryptPasswordEncoder(4).encode(this.password)));
		RegistryCredentials registry = RegistryCredentials.loadOrCreate(settings.registryCredentialsFile());
		Map<String, String> common = Map.of("spring.kafka.bootstrap-servers", this.cluster.bootstrapServers(),
				"spring.kafka.properties.schema.registry.url", "http://localhost:" + settings.portOf("schema-registry"),
				"logging.level.root", "WARN", "logging.level.dev.newsroom", "INFO");
		Map<String, Map<String, String>> properties = new LinkedHashMap<>();
		properties.put("schema-registry",
				Map.of("newsroom.registry.auth.users." + registry.user(), registry.passwordHash()));
		properties.put("publisher", Map.of("newsroom.publisher.security.accounts-file", accounts.toString()));
		properties.put("view-counter",
				Map.of("spring.kafka.streams.state-dir", home.resolve("view-counter-state").toString(),
						"newsroom.view-counter.beacon.per-address-per-minute", "1000000"));
		properties.put("notifier",
				Map.of("newsroom.notifier.security.accounts-file", accounts.toString(),
						"newsroom.notifier.channels.partner.platform", "webhook",
						"newsroom.notifier.channels.partner.webhook.url", this.partner.baseUrl() + "/hooks",
						"newsroom.notifier.channels.partner.webhook.secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

		this.supervisor = new Supervisor(RestartPolicy.DEFAULT, Duration.ofMinutes(3),
				new StatusFile(home.resolve("status"), ProcessHandle.current().pid()));
		for (Map.Entry<String, Map<String, String>> service : properties.entrySet()) {
			String name = service.getKey();
			Map<String, String> serviceProperties = new LinkedHashMap<>(common);
			serviceProperties.putAll(service.getValue());
			Map<String, String> environment = Map.of("SCHEMA_REGISTRY_USER_INFO", registry.userInfo(),
					"NEWSROOM_INSTANCE_ID", name + "-1", "NEWSROOM_VISITOR_SECRET", UUID.randomUUID().toString(),
					"MALLOC_ARENA_MAX", "2");
			this.services.put(name,
					this.supervisor.start(new ServiceInstance(name, 1, settings.portOf(name),
							settings.jvmOptionsOf(name), List.of("-jar", settings.jarOf(name).toString()),
							serviceProperties, environment, home)));
			if ("schema-registry".equals(name)) {
				// The services register their schemas at start.
				this.services.get(name).awaitFirstStart();
			}
		}
		this.services.values().forEach(SupervisedService::awaitFirstStart);
	}

	@AfterAll
	void stop() {
		if (this.supervisor != null) {
			this.supervisor.close();
		}
		if (this.partner != null) {
			this.partner.stop();
		}
		if (this.cluster != null) {
			try {
				this.cluster.close();
			}
			catch (Exception ex) {
				logger.warn("Could not stop the cluster cleanly", ex);
			}
		}
	}

	@Test
	void aBrokerKilledWhilePublishingAndBeaconingLosesNothingAndDoublesNothing() throws Exception {
		// The articles readers read, known to the view counter before the load starts: a
		// view of an article it has not seen yet is dropped as unknown. Each is viewed
		// until a view counts; what they count then is where the load starts from.
		List<String> read = new ArrayList<>();
		for (int i = 0; i < READ_ARTICLES; i++) {
			HttpResponse<String> response = publish("read-" + UUID.randomUUID());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			read.add(json.readTree(response.body()).path("id").asString());
		}
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Map<String, Long> counts = counts(read);
			for (String articleId : read) {
				if (counts.get(articleId) == 0) {
					beacon(articleId);
				}
			}
			assertThat(counts).as("views of the read articles")
				.allSatisfy((id, views) -> assertThat(views).isPositive());
		});
		awaitConsumed(VIEW_COUNTER_GROUP, PAGE_VIEWS);
		Map<String, Long> before = counts(read);

		Map<String, Integer> answers = new ConcurrentHashMap<>();
		Map<String, String> published = new ConcurrentHashMap<>();
		Map<Integer, AtomicInteger> beaconAnswers = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> views = new ConcurrentHashMap<>();
		AtomicInteger beaconsSent = new AtomicInteger();
		// Requests go out on a fixed schedule, as many at once as the services' answers
		// allow up to a bound; a tick that finds the bound reached is counted as missed.
		ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
		ExecutorService requests = Executors.newCachedThreadPool();
		Semaphore publishing = new Semaphore(MAX_IN_FLIGHT);
		Semaphore beaconing = new Semaphore(MAX_IN_FLIGHT);
		AtomicInteger missed = new AtomicInteger();
		long started = System.nanoTime();
		ticks.scheduleAtFixedRate(() -> send(requests, publishing, missed, () -> {
			String slug = "cluster-" + UUID.randomUUID();
			HttpResponse<String> response = publish(slug);
			answers.put(slug, response.statusCode());
			if (response.statusCode() == 201) {
				published.put(slug, json.readTree(response.body()).path("id").asString());
			}
		}), 0, PUBLISH_EVERY_MS, TimeUnit.MILLISECONDS);
		ticks.scheduleAtFixedRate(() -> send(requests, beaconing, missed, () -> {
			String articleId = read.get(beaconsSent.getAndIncrement() % read.size());
			int status = beacon(articleId).statusCode();
			beaconAnswers.computeIfAbsent(status, (key) -> new AtomicInteger()).incrementAndGet();
			if (status == 202) {
				views.computeIfAbsent(articleId, (key) -> new AtomicInteger()).incrementAndGet();
			}
		}), 0, BEACON_EVERY_MS, TimeUnit.MILLISECONDS);

		await().atMost(Duration.ofSeconds(60)).until(() -> published.size() >= 200);
		BrokerServer killed = leaderOf(ARTICLE_CHANGES, 0);
		logger.info("Stopping broker {} hard after {} articles", killed.config().nodeId(), published.size());
		killed.shutdown();
		killed.awaitShutdown();
		int atKill = published.size();
		long killedAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(90)).until(() -> published.size() >= atKill + 300);
		logger.info("Starting broker {} again after {} articles, {} s after it stopped", killed.config().nodeId(),
				published.size(), (System.nanoTime() - killedAt) / 1_000_000_000);
		killed.startup();
		int atRestart = published.size();
		await().atMost(Duration.ofSeconds(90)).until(() -> published.size() >= atRestart + 200);
		ticks.shutdownNow();
		requests.shutdown();
		assertThat(requests.awaitTermination(120, TimeUnit.SECONDS)).as("the last requests were answered").isTrue();
		double seconds = (System.nanoTime() - started) / 1e9;

		// Publishing: no false 201, and every 201 on the topic exactly once.
		Set<String> acknowledged = new HashSet<>(published.values());
		List<String> onTopic = readKeys(ARTICLE_CHANGES).stream().filter(acknowledged::contains).toList();
		Map<String, Long> postsPerArticle = new HashMap<>();
		logger.info(
				"In {} s: {} publishes sent ({}/s), {} ticks missed at {} requests of a kind in flight, {} answered 201, "
						+ "{} answered 503; {} events of them on {}, {} distinct; beacons answered {}",
				String.format("%.1f", seconds), answers.size(), String.format("%.0f", answers.size() / seconds),
				missed.get(), MAX_IN_FLIGHT, published.size(),
				answers.values().stream().filter((status) -> status == 503).count(), onTopic.size(), ARTICLE_CHANGES,
				new HashSet<>(onTopic).size(), beaconAnswers);
		assertThat(answers.values()).as("the publisher's answers").isSubsetOf(201, 503);
		assertThat(onTopic).as("events of the acknowledged articles on %s", ARTICLE_CHANGES)
			.hasSameSizeAs(acknowledged)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(acknowledged);

		// Counting: every beacon answered 202 counted once. Views are keyed by article
		// and counted without a repartition, so once the view counter's committed
		// offsets reach the end of the page views (which has no transaction markers),
		// every view is in the counts.
		assertThat(beaconAnswers.keySet()).as("the beacon's answers").isSubsetOf(202, 503);
		awaitConsumed(VIEW_COUNTER_GROUP, PAGE_VIEWS);
		Map<String, Long> counted = counts(read);
		Map<String, Long> expected = read.stream()
			.collect(Collectors.toMap(Function.identity(),
					(id) -> before.get(id) + views.getOrDefault(id, new AtomicInteger()).get()));
		logger.info("Beacons answered 202 under load: {}; views counted under load: {}",
				views.values().stream().mapToInt(AtomicInteger::get).sum(),
				counted.values().stream().mapToLong(Long::longValue).sum()
						- before.values().stream().mapToLong(Long::longValue).sum());
		assertThat(counted).as("each article's count, against its beacons answered 202").isEqualTo(expected);

		// Announcing: once every article's delivery is recorded as delivered, every
		// attempt has been made (attempts come before their record); one post each.
		Set<String> waiting = ConcurrentHashMap.newKeySet();
		waiting.addAll(acknowledged);
		waiting.addAll(read);
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			waiting.removeIf(this::delivered);
			assertThat(waiting).as("articles whose delivery is not recorded as delivered yet").isEmpty();
		});
		for (LoggedRequest request : this.partner.findAll(postRequestedFor(urlEqualTo("/hooks")))) {
			JsonNode event = json.readTree(request.getBodyAsString());
			if ("article.published".equals(event.path("type").asString())) {
				postsPerArticle.merge(event.path("data").path("articleId").asString(), 1L, Long::sum);
			}
		}
		Map<Long, Long> histogram = postsPerArticle.values()
			.stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		logger.info("Webhook posts per article (posts -> articles): {}", histogram);
		assertThat(postsPerArticle.keySet()).as("articles posted to the webhook")
			.containsAll(acknowledged)
			.containsAll(read);
		assertThat(postsPerArticle).as("posts per article").allSatisfy((id, posts) -> assertThat(posts).isOne());

		this.services.forEach((name, service) -> assertThat(service.restarts()).as("restarts of %s", name).isZero());
	}

	private static void send(ExecutorService requests, Semaphore inFlight, AtomicInteger missed, Request request) {
		if (!inFlight.tryAcquire()) {
			missed.incrementAndGet();
			return;
		}
		requests.execute(() -> {
			try {
				request.send();
			}
			catch (Exception ex) {
				logger.warn("A request failed: {}", ex.toString());
			}
			finally {
				inFlight.release();
			}
		});
	}

	/** An HTTP request of the load, which records its own answer. */
	private interface Request {

		void send() throws Exception;

	}

	private BrokerServer leaderOf(String topic, int partition) throws Exception {
		try (Admin admin = admin()) {
			int leader = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get()
				.get(topic)
				.partitions()
				.get(partition)
				.leader()
				.id();
			return this.cluster.brokers().get(leader);
		}
	}

	/**
	 * Waits until a consumer group has committed offsets at the end of every partition of
	 * a topic.
	 */
	private void awaitConsumed(String group, String topic) {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			try (Admin admin = admin()) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get();
				int partitions = admin.describeTopics(List.of(topic))
					.allTopicNames()
					.get()
					.get(topic)
					.partitions()
					.size();
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				for (int i = 0; i < partitions; i++) {
					latest.put(new TopicPartition(topic, i), OffsetSpec.latest());
				}
				admin.listOffsets(latest).all().get().forEach((partition, end) -> {
					OffsetAndMetadata offset = committed.get(partition);
					assertThat((offset != null) ? offset.offset() : 0L).as("%s's offset on %s", group, partition)
						.isGreaterThanOrEqualTo(end.offset());
				});
			}
		});
	}

	/** The keys of every committed record of a topic, from its start to its end. */
	private List<String> readKeys(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.cluster.bootstrapServers(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<String> keys = new ArrayList<>();
			await().atMost(Duration.ofMinutes(1)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					keys.add(record.key());
				}
				return partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
			});
			return keys;
		}
	}

	private Map<String, Long> counts(Collection<String> articleIds) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(
				this.services.get("view-counter").instance().url() + "/api/views?ids=" + String.join(",", articleIds)))
			.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, Long> counts = new HashMap<>();
		for (JsonNode count : json.readTree(response.body())) {
			counts.put(count.path("articleId").asString(), count.path("views").asLong());
		}
		return counts;
	}

	private boolean delivered(String articleId) {
		try {
			HttpResponse<String> response = this.http.send(signedIn(
					this.services.get("notifier").instance().url() + "/api/articles/" + articleId + "/deliveries")
				.build(), BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return false;
			}
			JsonNode deliveries = json.readTree(response.body());
			return deliveries.size() > 0 && deliveries.valueStream()
				.allMatch((delivery) -> "DELIVERED".equals(delivery.path("state").asString()));
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private HttpResponse<String> publish(String slug) throws IOException, InterruptedException {
		String article = """
				{"edition":"en","section":"politics","slug":"%s","title":"Replicated","lead":"L","body":"<p>B</p>"}"""
			.formatted(slug);
		return this.http.send(signedIn(this.services.get("publisher").instance().url() + "/api/articles")
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", slug)
			.POST(BodyPublishers.ofString(article))
			.build(), BodyHandlers.ofString());
	}

	private HttpResponse<Void> beacon(String articleId) throws IOException, InterruptedException {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(this.services.get("view-counter").instance().url() + "/api/views"))
				.header("Content-Type", "application/json")
				.header("User-Agent", FIREFOX)
				// A reader of their own each time: a reader counts once per article.
				.header("Cookie", "nr_vid=" + UUID.randomUUID().toString().replace("-", ""))
				.POST(BodyPublishers.ofString("{\"articleId\":\"" + articleId + "\"}"))
				.build(), BodyHandlers.discarding());
	}

	private HttpRequest.Builder signedIn(String url) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((EDITOR + ":" + this.password).getBytes(StandardCharsets.UTF_8)));
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.cluster.bootstrapServers()));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
