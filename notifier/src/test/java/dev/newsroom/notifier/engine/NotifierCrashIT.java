package dev.newsroom.notifier.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.notifier.ArticleEvents;
import dev.newsroom.notifier.NotifierApplication;
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
 * Zero duplicate posts across crashes. The notifier runs in a child JVM that is killed
 * with {@code SIGKILL} at each step a delivery goes through: right after an article is
 * published (while it is planned), while the platforms are answering (after the
 * "attempting" record, with the post made but its outcome not yet written), and after the
 * outcome is written. After each restart the posts on the fake platforms are counted: one
 * per article on Telegram, whose interrupted post is left UNCERTAIN rather than sent
 * again, and one webhook-id per article, the interrupted webhook being sent again with
 * the same id for the receiver to deduplicate.
 */
class NotifierCrashIT {

	private static final String TOKEN = "555:CRASH-token";

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path logs;

	private final String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + ".";

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Process> children = new ArrayList<>();

	private final WireMockServer platforms = new WireMockServer(options().dynamicPort());

	@AfterEach
	void stop() {
		this.children.forEach(Process::destroyForcibly);
		this.platforms.stop();
	}

	@Test
	void killingTheNotifierHardAtEveryStepNeverPostsTwice() throws Exception {
		this.platforms.start();
		stubPlatforms();
		EmbeddedStack.createTopics(this.prefix + "articles");
		int port = freePort();
		List<ArticleEvent> articles = new ArrayList<>();
		try (KafkaProducer<String, ArticleEvent> producer = ArticleEvents.producer()) {
			Process notifier = start(port);
			awaitRunning(notifier, port);

			// 1. Killed while both platforms hold the request: posted, outcome unwritten.
			ArticleEvent slow = ArticleEvents.published("en", "Slow platforms " + UUID.randomUUID());
			articles.add(slow);
			ArticleEvents.publish(producer, this.prefix + "articles", slow);
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(telegramPosts(slow)).hasSize(1);
				assertThat(webhooks(slow)).hasSize(1);
			});
			notifier = restartAfterKill(notifier, port);
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(states(port, slow)).containsEntry("tg", "UNCERTAIN")
					.containsEntry("hook", "DELIVERED"));

			// 2. Killed after the outcomes are written.
			ArticleEvent done = ArticleEvents.published("en", "Delivered before the crash " + UUID.randomUUID());
			articles.add(done);
			ArticleEvents.publish(producer, this.prefix + "articles", done);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(states(port, done)).containsEntry("tg", "DELIVERED")
					.containsEntry("hook", "DELIVERED"));
			notifier = restartAfterKill(notifier, port);

			// 3. Killed right after publishing, while the event is being planned.
			ArticleEvent planned = ArticleEvents.published("en", "Planned during the crash " + UUID.randomUUID());
			articles.add(planned);
			ArticleEvents.publish(producer, this.prefix + "articles", planned);
			notifier = restartAfterKill(notifier, port);

			ArticleEvent marker = ArticleEvents.published("en", "After the crashes " + UUID.randomUUID());
			articles.add(marker);
			ArticleEvents.publish(producer, this.prefix + "articles", marker);
			for (ArticleEvent article : List.of(planned, marker)) {
				await().atMost(Duration.ofSeconds(90))
					.untilAsserted(() -> assertThat(states(port, article)).containsEntry("tg", "DELIVERED")
						.containsEntry("hook", "DELIVERED"));
			}
		}

		for (ArticleEvent article : articles) {
			assertThat(telegramPosts(article)).as("Telegram posts of %s", article.getArticle().getTitle()).hasSize(1);
			assertThat(webhooks(article).stream().map((request) -> request.getHeader("webhook-id")).distinct())
				.as("webhook ids of %s", article.getArticle().getTitle())
				.hasSize(1);
		}
		assertThat(webhooks(articles.get(0))).as("the interrupted webhook, sent again with the same id").hasSize(2);
	}

	private Process restartAfterKill(Process notifier, int port) throws Exception {
		notifier.destroyForcibly().waitFor();
		assertThat(notifier.exitValue()).as("killed by SIGKILL").isEqualTo(137);
		Process restarted = start(port);
		awaitRunning(restarted, port);
		return restarted;
	}

	private Map<String, String> states(int port, ArticleEvent article) throws Exception {
		String body = this.http.send(HttpRequest
			.newBuilder(URI
				.create("http://localhost:" + port + "/api/articles/" + article.getArticle().getId() + "/deliveries"))
			.build(), BodyHandlers.ofString()).body();
		return json.readTree(body)
			.valueStream()
			.collect(Collectors.toMap((delivery) -> delivery.path("channel").asString(),
					(delivery) -> delivery.path("state").asString()));
	}

	private List<LoggedRequest> telegramPosts(ArticleEvent article) {
		return this.platforms.findAll(postRequestedFor(urlEqualTo("/bot" + TOKEN + "/sendMessage"))
			.withRequestBody(containing(article.getArticle().getTitle())));
	}

	private List<LoggedRequest> webhooks(ArticleEvent article) {
		return this.platforms
			.findAll(postRequestedFor(urlEqualTo("/hooks")).withRequestBody(containing(article.getArticle().getId())));
	}

	private void stubPlatforms() {
		String message = "{\"ok\":true,\"result\":{\"message_id\":7,\"chat\":{\"id\":-100,\"username\":\"crash\","
				+ "\"type\":\"channel\"},\"date\":1732867200}}";
		this.platforms.stubFor(post(urlEqualTo("/bot" + TOKEN + "/sendMessage")).willReturn(ok(message)));
		this.platforms.stubFor(post(urlEqualTo("/bot" + TOKEN + "/sendMessage")).atPriority(1)
			.withRequestBody(containing("Slow platforms"))
			.willReturn(ok(message).withFixedDelay(8000)));
		this.platforms.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));
		this.platforms.stubFor(post(urlEqualTo("/hooks")).atPriority(1)
			.withRequestBody(containing("Slow platforms"))
			.willReturn(aResponse().withStatus(204).withFixedDelay(8000)));
	}

	private static ResponseDefinitionBuilder ok(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	private Process start(int port) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						NotifierApplication.class.getName(), "--server.port=" + port,
						"--spring.kafka.bootstrap-servers=" + EmbeddedStack.bootstrapServers(),
						"--spring.kafka.properties.schema.registry.url=" + EmbeddedStack.schemaRegistryUrl(),
						"--spring.kafka.consumer.group-id=" + this.prefix + "notifier",
						"--newsroom.notifier.instance-id=" + this.prefix + "only",
						"--newsroom.notifier.articles-topic=" + this.prefix + "articles",
						"--newsroom.notifier.deliveries-topic.name=" + this.prefix + "deliveries",
						"--newsroom.notifier.dead-letter-topic.name=" + this.prefix + "dlt",
						"--newsroom.notifier.channels.tg.platform=telegram",
						"--newsroom.notifier.channels.tg.telegram.bot-token=" + TOKEN,
						"--newsroom.notifier.channels.tg.telegram.chat-id=@crash",
						"--newsroom.notifier.channels.tg.telegram.api-url=" + this.platforms.baseUrl(),
						"--newsroom.notifier.channels.hook.platform=webhook",
						"--newsroom.notifier.channels.hook.webhook.url=" + this.platforms.baseUrl() + "/hooks",
						"--newsroom.notifier.channels.hook.webhook.secret=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
						"--newsroom.notifier.delivery.first-backoff=200ms", "--spring.main.banner-mode=off",
						"--logging.level.root=WARN", "--logging.level.dev.newsroom=INFO"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logs.resolve("notifier.log").toFile()));
		builder.environment().put("SCHEMA_REGISTRY_USER_INFO", EmbeddedStack.registryUserInfo());
		Process process = builder.start();
		this.children.add(process);
		return process;
	}

	private void awaitRunning(Process notifier, int port) {
		await().atMost(Duration.ofSeconds(120)).ignoreException(ConnectException.class).untilAsserted(() -> {
			assertThat(notifier.isAlive()).as("the notifier is running; see " + this.logs.resolve("notifier.log"))
				.isTrue();
			assertThat(this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
					.build(), BodyHandlers.discarding())
				.statusCode()).isEqualTo(200);
		});
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
