package dev.newsroom.viewcounter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.testsupport.EmbeddedStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several view-counter instances share the partitions, and any of them answers any
 * article's count: its own from its store, the others' from their owners. While a
 * rebalance moves partitions, a query answers 503 or the right number, never a wrong one.
 */
class ViewCounterInstancesIT {

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	private static final int ARTICLES = 12;

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path stateDirs;

	private final String prefix = "vci-" + UUID.randomUUID().toString().substring(0, 8) + ".";

	private final List<ConfigurableApplicationContext> running = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stopInstances() {
		this.running.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void everyArticlesCountIsRightFromEveryInstanceAndNeverWrongDuringARebalance() throws Exception {
		ConfigurableApplicationContext first = launch("a");
		ConfigurableApplicationContext second = launch("b");
		int[] ports = { port(first), port(second) };
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			assertThat(activeTasks(first)).isPositive();
			assertThat(activeTasks(second)).isPositive();
			for (int port : ports) {
				assertThat(countResponse(port, "any").statusCode()).isEqualTo(200);
			}
		});

		List<String> articles = new ArrayList<>();
		for (int i = 0; i < ARTICLES; i++) {
			String articleId = "article-" + i + "-" + UUID.randomUUID();
			publish(articleId);
			articles.add(articleId);
		}
		for (int i = 0; i < ARTICLES; i++) {
			for (int view = 0; view <= i; view++) {
				int port = ports[view % 2];
				HttpResponse<String> beacon = beacon(port, articles.get(i));
				assertThat(beacon.statusCode()).as(beacon.body()).isEqualTo(202);
			}
		}

		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			for (int i = 0; i < ARTICLES; i++) {
				for (int port : ports) {
					HttpResponse<String> count = countResponse(port, articles.get(i));
					assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
					assertThat(json.readTree(count.body()).path("views").asLong())
						.as("article %d from port %d", i, port)
						.isEqualTo(i + 1);
				}
			}
		});
		HttpResponse<String> batch = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + ports[0] + "/api/views?ids=" + String.join(",", articles)))
			.build(), BodyHandlers.ofString());
		JsonNode counts = json.readTree(batch.body());
		for (int i = 0; i < ARTICLES; i++) {
			assertThat(counts.get(i).path("views").asLong()).isEqualTo(i + 1);
		}

		// The hourly series behind the console's chart, also from either instance.
		for (int i = 0; i < ARTICLES; i++) {
			for (int port : ports) {
				HttpResponse<String> series = this.http.send(HttpRequest
					.newBuilder(URI
						.create("http://localhost:" + port + "/api/articles/" + articles.get(i) + "/views/by-hour"))
					.build(), BodyHandlers.ofString());
				assertThat(series.statusCode()).as(series.body()).isEqualTo(200);
				List<JsonNode> hours = json.readTree(series.body()).path("hours").valueStream().toList();
				assertThat(hours).hasSize(24);
				assertThat(hours.stream().mapToLong((hour) -> hour.path("views").asLong()).sum())
					.as("article %d's hours from port %d", i, port)
					.isEqualTo(i + 1);
				Instant lastHour = Instant.parse(hours.get(23).path("start").asString());
				assertThat(lastHour)
					.isEqualTo(Instant.parse(hours.get(0).path("start").asString()).plusSeconds(23 * 3600))
					.isBeforeOrEqualTo(Instant.now())
					.isAfter(Instant.now().minusSeconds(3600));
			}
		}

		// A third instance joins: partitions move while queries go on.
		ConfigurableApplicationContext third = launch("c");
		List<Integer> statuses = new ArrayList<>();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			int i = statuses.size() % ARTICLES;
			HttpResponse<String> count = countResponse(ports[statuses.size() % 2], articles.get(i));
			statuses.add(count.statusCode());
			if (count.statusCode() == 200) {
				assertThat(json.readTree(count.body()).path("views").asLong()).as("article %d during rebalance", i)
					.isEqualTo(i + 1);
			}
			else {
				assertThat(count.statusCode()).isEqualTo(503);
				assertThat(count.headers().firstValue("Retry-After")).isPresent();
			}
			assertThat(activeTasks(third)).isPositive();
			assertThat(countResponse(port(third), articles.get(i)).statusCode()).isEqualTo(200);
		});
		// The join may take a second rebalance (cooperative): 503 is an answer there,
		// a wrong number never is.
		for (int i = 0; i < ARTICLES; i++) {
			String article = articles.get(i);
			HttpResponse<String> count = await().atMost(Duration.ofSeconds(60))
				.until(() -> countResponse(port(third), article), (response) -> response.statusCode() != 503);
			assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
			assertThat(json.readTree(count.body()).path("views").asLong()).as("article %d from the third instance", i)
				.isEqualTo(i + 1);
		}
	}

	private ConfigurableApplicationContext launch(String name) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ViewCounterApplication.class)
			// Arguments, since properties set on the builder yield to application.yml.
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + EmbeddedStack.bootstrapServers(),
					"--spring.kafka.properties.schema.registry.url=" + EmbeddedStack.schemaRegistryUrl(),
					"--spring.kafka.properties.basic.auth.user.info=" + EmbeddedStack.registryUserInfo(),
					"--spring.kafka.streams.application-id=" + this.prefix + "counter",
					"--spring.kafka.streams.state-dir=" + this.stateDirs.resolve(name),
					"--spring.kafka.streams.properties.group.instance.id=" + this.prefix + name,
					"--newsroom.view-counter.page-views-topic.name=" + this.prefix + "page-views",
					"--newsroom.view-counter.articles-topic.name=" + this.prefix + "articles",
					"--newsroom.view-counter.view-counts-topic.name=" + this.prefix + "view-counts",
					"--newsroom.view-counter.dead-letter-topic.name=" + this.prefix + "dlt",
					"--newsroom.view-counter.beacon.visitor-secret=shared-by-every-instance",
					"--spring.main.banner-mode=off");
		this.running.add(context);
		return context;
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static long activeTasks(ConfigurableApplicationContext context) {
		KafkaStreams streams = context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
		if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
			return 0;
		}
		return streams.metadataForLocalThreads()
			.stream()
			.map(ThreadMetadata::activeTasks)
			.mapToLong(java.util.Set::size)
			.sum();
	}

	private void publish(String articleId) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ArticleEvent event = ArticleEvents.event(articleId, ArticleEventType.PUBLISHED, ArticleStatus.PUBLISHED, now);
		ArticleEvents.publish(this.prefix + "articles", event);
	}

	private HttpResponse<String> beacon(int port, String articleId) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/views"))
			.header("Content-Type", "application/json")
			.header("User-Agent", FIREFOX)
			.header("Cookie", "nr_vid=" + UUID.randomUUID().toString().replace("-", ""))
			.POST(BodyPublishers.ofString("{\"articleId\":\"" + articleId + "\"}"))
			.build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> countResponse(int port, String articleId) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles/" + articleId + "/views"))
					.build(),
				BodyHandlers.ofString());
	}

}
