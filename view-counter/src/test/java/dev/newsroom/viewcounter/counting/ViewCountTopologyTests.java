package dev.newsroom.viewcounter.counting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.events.view.PageView;
import dev.newsroom.events.view.TrafficClass;
import dev.newsroom.events.view.TrendingArticles;
import dev.newsroom.viewcounter.ArticleEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counting topology on its own, driven by {@link TopologyTestDriver}: one test per
 * rule of what counts as a view.
 */
class ViewCountTopologyTests {

	private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	private static final ViewCountTopology.Topics TOPICS = new ViewCountTopology.Topics("page-views", "articles",
			"view-counts", "trending");

	private final List<KeyValue<DropReason, String>> drops = new ArrayList<>();

	private TopologyTestDriver driver;

	private TestInputTopic<String, PageView> views;

	private TestInputTopic<String, ArticleEvent> articles;

	private TestOutputTopic<String, ArticleViewCount> counts;

	private KeyValueStore<String, ArticleViewCount> store;

	private int viewIds;

	@BeforeEach
	void startDriver() {
		StreamsBuilder builder = new StreamsBuilder();
		ViewCountTopology.build(builder, TOPICS, serdes(), ViewRules.DEFAULT,
				(reason, articleId) -> this.drops.add(KeyValue.pair(reason, articleId)));
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "view-count-topology-tests");
		config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
		this.driver = new TopologyTestDriver(builder.build(), config);
		ViewCountTopology.ValueSerdes serdes = serdes();
		this.views = this.driver.createInputTopic("page-views", new StringSerializer(),
				serdes.pageViews().serializer());
		this.articles = this.driver.createInputTopic("articles", new StringSerializer(),
				serdes.articles().serializer());
		this.counts = this.driver.createOutputTopic("view-counts", new StringDeserializer(),
				serdes.viewCounts().deserializer());
		this.store = this.driver.getKeyValueStore(ViewCountTopology.COUNTS_STORE);
		publish("a-1");
		publish("a-2");
	}

	@AfterEach
	void closeDriver() {
		this.driver.close();
	}

	@Test
	void eachVisitorCountsOncePerArticle() {
		view("a-1", "alice", T0);
		view("a-1", "bob", T0.plusSeconds(1));
		view("a-2", "alice", T0.plusSeconds(2));
		view("a-1", "carol", T0.plusSeconds(3));

		assertThat(this.store.get("a-1").getViews()).isEqualTo(3);
		assertThat(this.store.get("a-2").getViews()).isEqualTo(1);
		Map<String, ArticleViewCount> latest = this.counts.readKeyValuesToMap();
		assertThat(latest.get("a-1")).isEqualTo(new ArticleViewCount("a-1", 3L, T0.plusSeconds(3)));
		assertThat(latest.get("a-2")).isEqualTo(new ArticleViewCount("a-2", 1L, T0.plusSeconds(2)));
	}

	@Test
	void aVisitorsViewsOfAnArticleWithinThirtyMinutesCountOnce() {
		view("a-1", "alice", T0);
		view("a-1", "alice", T0.plus(Duration.ofMinutes(10)));
		view("a-1", "alice", T0.plus(Duration.ofMinutes(29)));

		assertThat(this.store.get("a-1").getViews()).isEqualTo(1);
		assertThat(this.drops).containsExactly(KeyValue.pair(DropReason.SAME_VISIT, "a-1"),
				KeyValue.pair(DropReason.SAME_VISIT, "a-1"));
		assertThat(this.counts.readValuesToList()).hasSize(1);

		view("a-1", "alice", T0.plus(Duration.ofMinutes(30)));

		assertThat(this.store.get("a-1").getViews()).isEqualTo(2);
	}

	@Test
	void aViewArrivingLateWithinTheWindowOfACountedOneIsTheSameVisit() {
		view("a-1", "alice", T0.plus(Duration.ofMinutes(20)));
		view("a-1", "alice", T0);

		assertThat(this.store.get("a-1").getViews()).isEqualTo(1);
		assertThat(this.store.get("a-1").getUpdatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
	}

	@Test
	void aRetriedBeaconCountsOnceEvenUnderAnotherVisitorId() {
		// A first visit without a cookie, retried: each attempt may carry another id.
		PageView first = pageView("a-1", "view-1", "hash-of-alice", T0, TrafficClass.READER);
		PageView retry = pageView("a-1", "view-1", "hash-of-alice-after-salt-rotation", T0.plusSeconds(2),
				TrafficClass.READER);

		this.views.pipeInput("a-1", first);
		this.views.pipeInput("a-1", retry);

		assertThat(this.store.get("a-1").getViews()).isEqualTo(1);
		assertThat(this.drops).containsExactly(KeyValue.pair(DropReason.RETRIED_BEACON, "a-1"));
	}

	@Test
	void robotsHeadlessBrowsersPrefetchesStaffAndUnknownClassesAreNotCounted() {
		view("a-1", "crawler", T0, TrafficClass.BOT);
		view("a-1", "puppeteer", T0, TrafficClass.HEADLESS_BROWSER);
		view("a-1", "prefetcher", T0, TrafficClass.PREFETCH);
		view("a-1", "editor", T0, TrafficClass.STAFF);
		view("a-1", "from-the-future", T0, TrafficClass.UNCLASSIFIED);

		assertThat(this.store.get("a-1")).isNull();
		assertThat(this.counts.isEmpty()).isTrue();
		assertThat(this.drops).extracting((drop) -> drop.key)
			.containsExactly(DropReason.ROBOT, DropReason.ROBOT, DropReason.PREFETCH, DropReason.STAFF,
					DropReason.ROBOT);
		assertThat(windowStoreSize(ViewCountTopology.VISITS_STORE)).isZero();
	}

	@Test
	void viewsOfUnknownArticlesAreDroppedAndLeaveNoKeyAnywhere() {
		view("no-such-article", "alice", T0);
		view("x".repeat(64), "bob", T0);

		assertThat(this.store.get("no-such-article")).isNull();
		assertThat(this.counts.isEmpty()).isTrue();
		assertThat(this.drops).extracting((drop) -> drop.key)
			.containsExactly(DropReason.UNKNOWN_ARTICLE, DropReason.UNKNOWN_ARTICLE);
		assertThat(windowStoreSize(ViewCountTopology.VIEW_IDS_STORE)).isZero();
		assertThat(windowStoreSize(ViewCountTopology.VISITS_STORE)).isZero();
	}

	@Test
	void draftsAndScheduledArticlesAreNotCounted() {
		this.articles.pipeInput("draft", event("draft", ArticleEventType.DRAFTED, ArticleStatus.DRAFT));
		this.articles.pipeInput("later", event("later", ArticleEventType.SCHEDULED, ArticleStatus.SCHEDULED));

		view("draft", "alice", T0);
		view("later", "alice", T0);

		assertThat(this.store.get("draft")).isNull();
		assertThat(this.store.get("later")).isNull();
		assertThat(this.drops).extracting((drop) -> drop.key)
			.containsExactly(DropReason.NOT_PUBLISHED, DropReason.NOT_PUBLISHED);
	}

	@Test
	void aRetractedArticleStopsCountingAndKeepsItsCount() {
		view("a-1", "alice", T0);
		this.articles.pipeInput("a-1", event("a-1", ArticleEventType.UNPUBLISHED, ArticleStatus.UNPUBLISHED));

		view("a-1", "bob", T0.plusSeconds(5));

		assertThat(this.store.get("a-1").getViews()).isEqualTo(1);
		assertThat(this.drops).containsExactly(KeyValue.pair(DropReason.NOT_PUBLISHED, "a-1"));
	}

	@Test
	void anUpdateOfAPublishedArticleKeepsItCounted() {
		this.articles.pipeInput("a-1", event("a-1", ArticleEventType.UPDATED, ArticleStatus.PUBLISHED));

		view("a-1", "alice", T0);

		assertThat(this.store.get("a-1").getViews()).isEqualTo(1);
	}

	@Test
	void eventsWrittenBeforeTheStatusFieldAreJudgedByTheirType() {
		this.articles.pipeInput("old", event("old", ArticleEventType.PUBLISHED, ArticleStatus.UNKNOWN));
		this.articles.pipeInput("old-retracted",
				event("old-retracted", ArticleEventType.UNPUBLISHED, ArticleStatus.UNKNOWN));

		view("old", "alice", T0);
		view("old-retracted", "alice", T0);

		assertThat(this.store.get("old").getViews()).isEqualTo(1);
		assertThat(this.store.get("old-retracted")).isNull();
	}

	@Test
	void tombstonesAndUnkeyedRecordsAreNotCounted() {
		this.views.pipeInput("a-1", null);
		this.views.pipeInput(null, pageView("a-1", "v-x", "alice", T0, TrafficClass.READER));
		view("a-1", "alice", T0);

		assertThat(this.store.get("a-1").getViews()).isEqualTo(1);
	}

	@Test
	void topologyNamesEveryRuleAndItsStoresAndRepartitionsOnlyTheMostReadLists() {
		StreamsBuilder builder = new StreamsBuilder();
		ViewCountTopology.build(builder, TOPICS, serdes(), ViewRules.DEFAULT, ViewDrops.NONE);
		Topology topology = builder.build();
		String description = topology.describe().toString();

		assertThat(description).contains("Source: page-views (topics: [page-views])", "drop-unkeyed-and-tombstones",
				"drop-robots", "drop-prefetch", "drop-staff", "look-up-article", "drop-unknown-articles",
				"drop-unpublished-articles",
				"count-once-per-view-id (stores: [" + ViewCountTopology.VIEW_IDS_STORE + "])",
				"count-once-per-visit (stores: [" + ViewCountTopology.VISITS_STORE + "])",
				"count-views (stores: [" + ViewCountTopology.COUNTS_STORE + "])",
				"Sink: view-counts (topic: view-counts)", "Source: articles-source (topics: [articles])",
				ViewCountTopology.CATALOGUE_STORE);
		assertThat(description).contains("rank-1h (stores: [trending-1h])", "rank-24h (stores: [trending-24h])",
				"Sink: trending-1h (topic: trending)");
		assertThat(java.util.regex.Pattern.compile("[\\w.-]+-repartition")
			.matcher(description)
			.results()
			.map((match) -> match.group())
			.distinct()).containsExactlyInAnyOrder("most-read-1h-repartition", "most-read-24h-repartition");
	}

	private long windowStoreSize(String name) {
		WindowStore<String, Long> windows = this.driver.getWindowStore(name);
		long size = 0;
		try (KeyValueIterator<?, Long> all = windows.all()) {
			while (all.hasNext()) {
				all.next();
				size++;
			}
		}
		return size;
	}

	private void publish(String articleId) {
		this.articles.pipeInput(articleId, event(articleId, ArticleEventType.PUBLISHED, ArticleStatus.PUBLISHED));
	}

	private void view(String articleId, String visitorId, Instant at) {
		view(articleId, visitorId, at, TrafficClass.READER);
	}

	private void view(String articleId, String visitorId, Instant at, TrafficClass traffic) {
		this.views.pipeInput(articleId, pageView(articleId, "view-" + (++this.viewIds), visitorId, at, traffic));
	}

	private static PageView pageView(String articleId, String viewId, String visitorId, Instant at,
			TrafficClass traffic) {
		return PageView.newBuilder()
			.setViewId(viewId)
			.setArticleId(articleId)
			.setViewedAt(at)
			.setVisitorId(visitorId)
			.setTraffic(traffic)
			.build();
	}

	private static ArticleEvent event(String articleId, ArticleEventType type, ArticleStatus status) {
		return ArticleEvents.event(articleId, type, status, T0);
	}

	private static ViewCountTopology.ValueSerdes serdes() {
		return new ViewCountTopology.ValueSerdes(new BinaryAvroSerde<>(PageView.class),
				new BinaryAvroSerde<>(ArticleEvent.class), new BinaryAvroSerde<>(ArticleViewCount.class),
				new BinaryAvroSerde<>(TrendingArticles.class));
	}

}
