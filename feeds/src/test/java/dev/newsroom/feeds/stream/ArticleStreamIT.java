package dev.newsroom.feeds.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.feeds.ArticleChanges;
import dev.newsroom.feeds.RunningFeeds;
import dev.newsroom.testsupport.DashboardContract;

import static dev.newsroom.feeds.ArticleChanges.corrected;
import static dev.newsroom.feeds.ArticleChanges.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event stream against a real broker and registry, with article events written as the
 * publisher writes them. Each test streams a section of its own, so that the tests share
 * the topic without seeing each other's events.
 */
class ArticleStreamIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static RunningFeeds feeds;

	private static WebClient web;

	private static ArticleChanges changes;

	@BeforeAll
	static void startFeeds() {
		ArticleChanges.createTopics();
		changes = new ArticleChanges();
		feeds = start();
		web = feeds.web();
	}

	@AfterAll
	static void stopFeeds() {
		feeds.close();
		changes.close();
	}

	private static RunningFeeds start() {
		return RunningFeeds.start("--newsroom.feeds.editions=en,ru", "--newsroom.feeds.stream.heartbeat=1s");
	}

	@Test
	void twoHundredClientsEachGetEveryPublicEventInTheSameOrder() {
		String section = section();
		List<StreamClient> clients = IntStream.range(0, 200)
			.parallel()
			.mapToObj((i) -> StreamClient.connect(web, "/v1/stream/articles?section=" + section, null))
			.toList();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String id = "many-" + i + "-" + section;
			ArticleEvent draft = event(id, 1, "en", section, ArticleEventType.DRAFTED);
			ArticleEvent published = event(id, 2, "en", section, ArticleEventType.PUBLISHED);
			ArticleEvent fixed = event(id, 3, "en", section, ArticleEventType.UPDATED);
			changes.write(draft, published);
			changes.write(fixed);
			expected.add(published.getEventId());
			expected.add(fixed.getEventId());
		}
		try {
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(clients)
					.allSatisfy((client) -> assertThat(client.events()).hasSize(expected.size())));
			List<String> first = eventIds(clients.get(0));
			assertThat(first).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(clients).allSatisfy((client) -> assertThat(eventIds(client)).isEqualTo(first));
			assertVersionsInOrder(clients.get(0));
		}
		finally {
			clients.forEach(StreamClient::close);
		}
	}

	@Test
	void showsPublishedCorrectedUpdatedAndRetractedButNeverDraftsSchedulesOrTheEditor() throws Exception {
		String section = section();
		try (StreamClient client = StreamClient.connect(web, "/v1/stream/articles?section=" + section, null)) {
			String id = "kinds-" + section;
			changes.write(event(id, 1, "en", section, ArticleEventType.DRAFTED));
			changes.write(event(id, 2, "en", section, ArticleEventType.SCHEDULED));
			changes.write(event(id, 3, "en", section, ArticleEventType.PUBLISHED));
			changes.write(corrected(event(id, 4, "en", section, ArticleEventType.UPDATED), "The vote was 52-48."));
			changes.write(event(id, 5, "en", section, ArticleEventType.UPDATED));
			changes.write(event(id, 6, "en", section, ArticleEventType.UNPUBLISHED));
			await().atMost(WAIT).untilAsserted(() -> assertThat(client.events()).hasSize(4));
			List<ServerSentEvent<String>> events = client.events();
			assertThat(events).extracting(ServerSentEvent::event)
				.containsExactly("published", "corrected", "updated", "retracted");
			JsonNode correction = json.readTree(events.get(1).data());
			assertThat(correction.get("correction").get("note").asString()).isEqualTo("The vote was 52-48.");
			assertThat(correction.get("article").get("title").asString()).isEqualTo("Title of " + id);
			JsonNode retraction = json.readTree(events.get(3).data());
			assertThat(retraction.get("article").get("retraction").get("reason").asString())
				.isEqualTo("Withdrawn for legal reasons");
			assertThat(retraction.get("article").has("body")).as("a retraction repeats no text").isFalse();
			for (ServerSentEvent<String> event : events) {
				assertThat(event.data()).doesNotContain("editor-jane", "actor", "publishAt", "publishDelayMillis",
						"status");
			}
		}
	}

	@Test
	void filtersByEditionAndSection() {
		String section = section();
		String other = section();
		try (StreamClient russianSection = StreamClient.connect(web,
				"/v1/stream/articles?edition=ru&section=" + section, null);
				StreamClient bothSections = StreamClient.connect(web,
						"/v1/stream/articles?section=" + section + "," + other, null)) {
			changes.write(event("f1-" + section, 1, "en", section, ArticleEventType.PUBLISHED),
					event("f2-" + section, 1, "ru", section, ArticleEventType.PUBLISHED),
					event("f3-" + section, 1, "ru", other, ArticleEventType.PUBLISHED));
			await().atMost(WAIT).untilAsserted(() -> assertThat(bothSections.events()).hasSize(3));
			assertThat(articleIds(russianSection)).containsExactly("f2-" + section);
		}
	}

	@Test
	void resumingAfterTheLastEventIdMissesNothingAndRepeatsNothingAlsoAfterARestart() {
		String section = section();
		List<String> expected = new ArrayList<>();
		String lastId;
		try (StreamClient client = StreamClient.connect(web, "/v1/stream/articles?section=" + section, null)) {
			expected.addAll(publish(section, 0, 10));
			await().atMost(WAIT).untilAsserted(() -> assertThat(client.events()).hasSize(10));
			lastId = client.lastId();
		}
		// Written while no client is connected, and while the service is down.
		feeds.close();
		expected.addAll(publish(section, 10, 15));
		feeds = start();
		web = feeds.web();
		expected.addAll(publish(section, 15, 20));
		try (StreamClient resumed = StreamClient.connect(web, "/v1/stream/articles?section=" + section, lastId)) {
			await().atMost(WAIT).untilAsserted(() -> assertThat(resumed.events()).hasSize(10));
			expected.addAll(publish(section, 20, 25));
			await().atMost(WAIT).untilAsserted(() -> assertThat(resumed.events()).hasSize(15));
			List<String> all = new ArrayList<>(expected.subList(0, 10));
			all.addAll(eventIds(resumed));
			assertThat(all).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
		}
	}

	@Test
	void aClientDisconnectedBeforeItsFirstEventResumesFromWhereItBegan() {
		String section = section();
		String openingId;
		try (StreamClient client = StreamClient.connect(web, "/v1/stream/articles?section=" + section, null)) {
			openingId = client.lastId();
		}
		List<String> expected = publish(section, 0, 5);
		try (StreamClient resumed = StreamClient.connect(web, "/v1/stream/articles?section=" + section, openingId)) {
			// Partitions are read side by side: the order is the log's within an article.
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(eventIds(resumed)).containsExactlyInAnyOrderElementsOf(expected));
		}
	}

	@Test
	void sinceStartsWithTheFirstEventWrittenAtThatTime() {
		String section = section();
		publish(section, 0, 3);
		Instant since = Instant.now();
		await().until(() -> Instant.now().isAfter(since.plusMillis(5)));
		List<String> expected = publish(section, 3, 6);
		try (StreamClient client = StreamClient.connect(web,
				"/v1/stream/articles?section=" + section + "&since=" + since, null)) {
			await().atMost(WAIT).untilAsserted(() -> assertThat(client.events()).hasSize(3));
			assertThat(eventIds(client)).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	@Test
	void prometheusHasTheMetricsTheDashboardShows() {
		String scrape = web.get().uri("/actuator/prometheus").retrieve().bodyToMono(String.class).block(WAIT);
		DashboardContract.load().assertScraped("feeds", scrape);
	}

	@Test
	void aLastEventIdThatIsNoPositionIsRefusedBeforeTheStreamStarts() {
		assertRefused(null, "not-an-id", "Last-Event-ID", "is not an event id of this stream");
		assertRefused(null, "v1.0:5,0:6", "Last-Event-ID", "names partition 0 twice");
		assertRefused(null, "v1.0:0,7:0", "Last-Event-ID", "names partition 7, which the stream does not have");
		assertRefused(null, "v1.0:900000000,1:0,2:0", "Last-Event-ID", "is past the end of the stream");
	}

	@Test
	void anUnknownEditionOrATimeThatIsNoTimeIsRefused() {
		assertRefused("?edition=xx", null, "edition", "there is no edition 'xx'. Editions with articles: ");
		assertRefused("?since=yesterday", null, "since", "is not a time");
	}

	@Test
	void anEditionIsKnownOnceItHasAPublishedArticle() {
		String section = section();
		assertRefused("?edition=az", null, "edition", "there is no edition 'az'");
		changes.write(event("az-" + section, 1, "az", section, ArticleEventType.PUBLISHED));
		await().atMost(WAIT)
			.ignoreException(WebClientResponseException.BadRequest.class)
			.untilAsserted(() -> assertThat(web.get()
				.uri("/v1/stream/articles?edition=az")
				.retrieve()
				.bodyToFlux(StreamClient.EVENTS)
				.next()
				.block(WAIT)).as("the stream's opening").isNotNull());
	}

	private static void assertRefused(@Nullable String query, @Nullable String lastEventId, String field,
			String message) {
		ResponseEntity<String> response = web.get()
			.uri("/v1/stream/articles" + ((query != null) ? query : ""))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> {
				if (lastEventId != null) {
					headers.set("Last-Event-ID", lastEventId);
				}
			})
			.exchangeToMono((answer) -> answer.toEntity(String.class))
			.block(WAIT);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(response.getBody());
		assertThat(problem.get("type").asString()).isEqualTo("https://newsroom.dev/problems/invalid-request");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(problem.get("errors").get(0).get("message").asString()).contains(message);
	}

	/** Publishes articles {@code from} to {@code to}, in a transaction each. */
	private static List<String> publish(String section, int from, int to) {
		List<String> eventIds = new ArrayList<>();
		for (int i = from; i < to; i++) {
			ArticleEvent published = event("r" + i + "-" + section, 1, (i % 2 == 0) ? "en" : "ru", section,
					ArticleEventType.PUBLISHED);
			changes.write(published);
			eventIds.add(published.getEventId());
		}
		return eventIds;
	}

	private static String section() {
		return "s" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static List<String> eventIds(StreamClient client) {
		return client.events().stream().map((event) -> json.readTree(event.data()).get("eventId").asString()).toList();
	}

	private static List<String> articleIds(StreamClient client) {
		return client.events()
			.stream()
			.map((event) -> json.readTree(event.data()).get("article").get("id").asString())
			.toList();
	}

	private static void assertVersionsInOrder(StreamClient client) {
		Map<String, Long> versions = new HashMap<>();
		for (ServerSentEvent<String> event : client.events()) {
			JsonNode article = json.readTree(event.data()).get("article");
			long version = article.get("version").asLong();
			Long before = versions.put(article.get("id").asString(), version);
			if (before != null) {
				assertThat(version).as("version after %s of %s", before, article.get("id")).isGreaterThan(before);
			}
		}
	}

}
