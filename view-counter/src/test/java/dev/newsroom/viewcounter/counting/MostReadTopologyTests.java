package dev.newsroom.viewcounter.counting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
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
import dev.newsroom.events.view.TrendingArticle;
import dev.newsroom.events.view.TrendingArticles;
import dev.newsroom.viewcounter.ArticleEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The most-read lists of the counting topology: per edition and per section, over the
 * last hour and the last 24 hours, with grace for late views.
 */
class MostReadTopologyTests {

	/** On a 5-minute boundary, so the current windows are easy to name. */
	private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	private TopologyTestDriver driver;

	private TestInputTopic<String, PageView> views;

	private TestOutputTopic<String, TrendingArticles> trending;

	private int viewIds;

	@BeforeEach
	void startDriver() {
		StreamsBuilder builder = new StreamsBuilder();
		BinaryAvroSerde<TrendingArticles> lists = new BinaryAvroSerde<>(TrendingArticles.class);
		BinaryAvroSerde<ArticleEvent> articleEvents = new BinaryAvroSerde<>(ArticleEvent.class);
		ViewCountTopology.build(builder,
				new ViewCountTopology.Topics("page-views", "articles", "view-counts", "trending"),
				new ViewCountTopology.ValueSerdes(new BinaryAvroSerde<>(PageView.class), articleEvents,
						new BinaryAvroSerde<>(ArticleViewCount.class), lists),
				ViewRules.DEFAULT, ViewDrops.NONE);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "most-read-topology-tests");
		config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
		this.driver = new TopologyTestDriver(builder.build(), config);
		this.views = this.driver.createInputTopic("page-views", new StringSerializer(),
				new BinaryAvroSerde<>(PageView.class).serializer());
		this.trending = this.driver.createOutputTopic("trending", new StringDeserializer(), lists.deserializer());
		TestInputTopic<String, ArticleEvent> articles = this.driver.createInputTopic("articles", new StringSerializer(),
				articleEvents.serializer());
		for (String[] article : new String[][] { { "budget", "en", "politics" }, { "election", "en", "politics" },
				{ "storm", "en", "world" }, { "derby", "ru", "sport" } }) {
			articles.pipeInput(article[0], ArticleEvents.event(article[0], article[1], article[2],
					ArticleEventType.PUBLISHED, ArticleStatus.PUBLISHED, T0.minus(Duration.ofDays(2))));
		}
	}

	@AfterEach
	void closeDriver() {
		this.driver.close();
	}

	@Test
	void eachArticlesCountedViewsAreAlsoCountedPerClockHourForItsChart() {
		readers("budget", 3, T0.plusSeconds(10));
		readers("budget", 2, T0.plus(Duration.ofMinutes(59)));
		readers("budget", 4, T0.plus(Duration.ofMinutes(61)));
		readers("storm", 1, T0.plus(Duration.ofMinutes(61)));
		readers("budget", 1, T0.plus(Duration.ofMinutes(30)));

		WindowStore<String, Long> hours = this.driver.getWindowStore(ViewCountTopology.HOURLY_STORE);
		assertThat(hours.fetch("budget", T0.toEpochMilli())).isEqualTo(6);
		assertThat(hours.fetch("budget", T0.plus(Duration.ofHours(1)).toEpochMilli())).isEqualTo(4);
		assertThat(hours.fetch("storm", T0.plus(Duration.ofHours(1)).toEpochMilli())).isEqualTo(1);
		assertThat(hours.fetch("storm", T0.toEpochMilli())).isNull();
	}

	@Test
	void eachEditionAndSectionHasItsMostReadFirst() {
		readers("budget", 3, T0.plusSeconds(10));
		readers("storm", 5, T0.plusSeconds(20));
		readers("election", 1, T0.plusSeconds(30));
		readers("derby", 2, T0.plusSeconds(40));

		Map<String, TrendingArticles> latest = this.trending.readKeyValuesToMap();

		assertThat(articles(latest.get("en|1h"))).containsExactly("storm=5", "budget=3", "election=1");
		assertThat(articles(latest.get("en/politics|1h"))).containsExactly("budget=3", "election=1");
		assertThat(articles(latest.get("en/world|24h"))).containsExactly("storm=5");
		assertThat(articles(latest.get("ru|1h"))).containsExactly("derby=2");
		TrendingArticles politics = latest.get("en/politics|1h");
		assertThat(politics.getEdition()).isEqualTo("en");
		assertThat(politics.getSection()).isEqualTo("politics");
		assertThat(politics.getWindow()).isEqualTo("1h");
		assertThat(politics.getWindowStart()).isEqualTo(T0.minus(Duration.ofMinutes(55)));
		assertThat(politics.getWindowEnd()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
	}

	@Test
	void theLastHourForgetsOlderViewsWhileTheLastDayKeepsThem() {
		readers("budget", 4, T0);
		readers("storm", 2, T0.plus(Duration.ofMinutes(90)));

		Map<String, TrendingArticles> latest = this.trending.readKeyValuesToMap();

		assertThat(articles(latest.get("en|1h"))).containsExactly("storm=2");
		assertThat(articles(latest.get("en|24h"))).containsExactly("budget=4", "storm=2");
		assertThat(articles(
				currentList("trending-1h", "en|1h", TrendingWindow.LAST_HOUR, T0.plus(Duration.ofMinutes(90)))))
			.containsExactly("storm=2");
	}

	@Test
	void aLateViewCountsWithinTheGraceAndNotAfter() {
		readers("budget", 1, T0.plus(Duration.ofMinutes(10)));
		// Stream time moves on to 10:13; a view from 10:09 is late but within the grace.
		readers("storm", 1, T0.plus(Duration.ofMinutes(13)));
		readers("budget", 1, T0.plus(Duration.ofMinutes(9)));

		assertThat(articles(
				currentList("trending-1h", "en|1h", TrendingWindow.LAST_HOUR, T0.plus(Duration.ofMinutes(13)))))
			.containsExactly("budget=2", "storm=1");

		// At 11:20, every hour window holding 10:09 closed more than its 5-minute grace
		// ago; the day windows holding it are still open.
		readers("storm", 1, T0.plus(Duration.ofMinutes(80)));
		readers("budget", 1, T0.plus(Duration.ofMinutes(9)));

		WindowStore<String, TrendingArticles> hours = this.driver.getWindowStore("trending-1h");
		assertThat(articles(hours.fetch("en|1h", T0.plus(Duration.ofMinutes(5)).toEpochMilli())))
			.containsExactly("budget=2", "storm=1");
		assertThat(articles(
				currentList("trending-24h", "en|24h", TrendingWindow.LAST_DAY, T0.plus(Duration.ofMinutes(80)))))
			.containsExactly("budget=3", "storm=2");
	}

	@Test
	void theCurrentWindowIsTheOneEndingSoonestAfterNow() {
		assertThat(Instant.ofEpochMilli(TrendingWindow.LAST_HOUR.currentStart(T0.plusSeconds(299).toEpochMilli())))
			.isEqualTo(T0.minus(Duration.ofMinutes(55)));
		assertThat(Instant.ofEpochMilli(TrendingWindow.LAST_HOUR.currentStart(T0.plusSeconds(300).toEpochMilli())))
			.isEqualTo(T0.minus(Duration.ofMinutes(50)));
		assertThat(Instant.ofEpochMilli(TrendingWindow.LAST_DAY.currentStart(T0.plusSeconds(1).toEpochMilli())))
			.isEqualTo(T0.minus(Duration.ofHours(23)));
	}

	private TrendingArticles currentList(String store, String key, TrendingWindow window, Instant now) {
		WindowStore<String, TrendingArticles> lists = this.driver.getWindowStore(store);
		return lists.fetch(key, window.currentStart(now.toEpochMilli()));
	}

	private void readers(String articleId, int readers, Instant at) {
		for (int reader = 0; reader < readers; reader++) {
			this.viewIds++;
			this.views.pipeInput(articleId,
					PageView.newBuilder()
						.setViewId("view-" + this.viewIds)
						.setArticleId(articleId)
						.setViewedAt(at)
						.setVisitorId("reader-" + this.viewIds)
						.setTraffic(TrafficClass.READER)
						.build(),
					at);
		}
	}

	private static List<String> articles(TrendingArticles list) {
		assertThat(list).isNotNull();
		return list.getArticles().stream().map(MostReadTopologyTests::entry).toList();
	}

	private static String entry(TrendingArticle article) {
		return article.getArticleId() + "=" + article.getViews();
	}

}
