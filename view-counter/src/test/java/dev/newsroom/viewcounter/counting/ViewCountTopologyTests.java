package dev.newsroom.viewcounter.counting;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.events.view.PageView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counting topology on its own, driven by {@link TopologyTestDriver}.
 */
class ViewCountTopologyTests {

	private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	private TopologyTestDriver driver;

	private TestInputTopic<String, PageView> views;

	private TestOutputTopic<String, ArticleViewCount> counts;

	private KeyValueStore<String, ArticleViewCount> store;

	@BeforeEach
	void startDriver() {
		BinaryAvroSerde<PageView> pageViews = new BinaryAvroSerde<>(PageView.class);
		BinaryAvroSerde<ArticleViewCount> viewCounts = new BinaryAvroSerde<>(ArticleViewCount.class);
		StreamsBuilder builder = new StreamsBuilder();
		ViewCountTopology.build(builder, "page-views", "view-counts", pageViews, viewCounts);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "view-count-topology-tests");
		config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
		this.driver = new TopologyTestDriver(builder.build(), config);
		this.views = this.driver.createInputTopic("page-views", new StringSerializer(), pageViews.serializer());
		this.counts = this.driver.createOutputTopic("view-counts", new StringDeserializer(), viewCounts.deserializer());
		this.store = this.driver.getKeyValueStore(ViewCountTopology.COUNTS_STORE);
	}

	@AfterEach
	void closeDriver() {
		this.driver.close();
	}

	@Test
	void countsViewsPerArticle() {
		view("a-1", T0);
		view("a-1", T0.plusSeconds(1));
		view("a-2", T0.plusSeconds(2));
		view("a-1", T0.plusSeconds(3));

		assertThat(this.store.get("a-1").getViews()).isEqualTo(3);
		assertThat(this.store.get("a-2").getViews()).isEqualTo(1);
		assertThat(this.store.get("a-3")).isNull();
		Map<String, ArticleViewCount> latest = this.counts.readKeyValuesToMap();
		assertThat(latest.get("a-1")).isEqualTo(new ArticleViewCount("a-1", 3L, T0.plusSeconds(3)));
		assertThat(latest.get("a-2")).isEqualTo(new ArticleViewCount("a-2", 1L, T0.plusSeconds(2)));
	}

	@Test
	void everyViewEmitsTheNewTotal() {
		view("a-1", T0);
		view("a-1", T0.plusSeconds(1));

		assertThat(this.counts.readValuesToList()).extracting(ArticleViewCount::getViews).containsExactly(1L, 2L);
	}

	@Test
	void updatedAtIsTheLatestViewEvenWhenViewsArriveOutOfOrder() {
		view("a-1", T0.plusSeconds(60));
		view("a-1", T0);

		assertThat(this.store.get("a-1").getUpdatedAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(this.store.get("a-1").getViews()).isEqualTo(2);
	}

	@Test
	void tombstonesAndUnkeyedRecordsAreNotCounted() {
		this.views.pipeInput("a-1", null);
		this.views.pipeInput(null, pageView("a-1", T0));
		view("a-1", T0);

		assertThat(this.store.get("a-1").getViews()).isEqualTo(1);
	}

	@Test
	void topologyNamesItsProcessorsAndStore() {
		StreamsBuilder builder = new StreamsBuilder();
		ViewCountTopology.build(builder, "page-views", "view-counts", new BinaryAvroSerde<>(PageView.class),
				new BinaryAvroSerde<>(ArticleViewCount.class));
		Topology topology = builder.build();
		String description = topology.describe().toString();

		assertThat(description).contains("Source: page-views (topics: [page-views])", "drop-unkeyed-and-tombstones",
				"count-views (stores: [" + ViewCountTopology.COUNTS_STORE + "])",
				"Sink: view-counts (topic: view-counts)");
		assertThat(description).doesNotContain("repartition");
	}

	private void view(String articleId, Instant at) {
		this.views.pipeInput(articleId, pageView(articleId, at));
	}

	private static PageView pageView(String articleId, Instant at) {
		return PageView.newBuilder()
			.setViewId(articleId + "@" + at)
			.setArticleId(articleId)
			.setViewedAt(at)
			.setVisitorId("visitor-1")
			.build();
	}

}
