package dev.newsroom.viewcounter.counting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.jspecify.annotations.Nullable;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.events.view.PageView;
import dev.newsroom.events.view.TrafficClass;
import dev.newsroom.events.view.TrendingArticles;

/**
 * Counts views per article. Each rule of what counts as a view is a named step, and every
 * record a rule drops is reported to {@link ViewDrops} with its reason:
 * <ol>
 * <li>{@code drop-robots}, {@code drop-prefetch}, {@code drop-staff}: only beacons judged
 * to come from a reader's browser count;</li>
 * <li>{@code look-up-article} then {@code drop-unknown-articles} and
 * {@code drop-unpublished-articles}: the article must be in the catalogue (the global
 * table {@value #CATALOGUE_STORE} of {@code newsroom.articles}) and published now, so a
 * retracted article stops counting; these run before any state is kept for the view;</li>
 * <li>{@code count-once-per-view-id}: a retried beacon (same view id) counts once;</li>
 * <li>{@code count-once-per-visit}: a visitor's views of one article within the visit
 * window count once;</li>
 * <li>{@code count-views}: the running total per article, in {@value #COUNTS_STORE}, and
 * every change written to the compacted counts topic;</li>
 * <li>the same counted views make the most-read lists per edition and section, over the
 * last hour and the last 24 hours (see {@link #mostRead});</li>
 * <li>{@code count-views-by-hour}: each article's views per clock hour, in
 * {@value #HOURLY_STORE}, for the views-over-time chart.</li>
 * </ol>
 * Views arrive keyed by article id, so counting needs no repartition; only the most-read
 * lists are regrouped, by edition and section.
 */
public final class ViewCountTopology {

	/** Name of the key-value store of {@link ArticleViewCount} by article id. */
	public static final String COUNTS_STORE = "article-view-counts";

	/** Name of the global store of the latest {@link ArticleEvent} by article id. */
	public static final String CATALOGUE_STORE = "article-catalogue";

	/**
	 * Name of the window store of each article's counted views per clock hour, kept for
	 * {@link #HOURLY_RETENTION}.
	 */
	public static final String HOURLY_STORE = "article-views-by-hour";

	/** How long the hourly counts are kept: the last 24 hours, and the hour under way. */
	public static final Duration HOURLY_RETENTION = Duration.ofHours(26);

	/** Name of the window store of view ids already counted. */
	public static final String VIEW_IDS_STORE = "counted-view-ids";

	/** Name of the window store of (article, visitor) visits already counted. */
	public static final String VISITS_STORE = "counted-visits";

	private ViewCountTopology() {
	}

	/**
	 * The topics the topology reads and writes.
	 *
	 * @param pageViews the beacon's records, keyed by article id
	 * @param articles the compacted catalogue of articles, keyed by article id
	 * @param viewCounts the compacted output of per-article totals
	 * @param trending the compacted output of most-read lists
	 */
	public record Topics(String pageViews, String articles, String viewCounts, String trending) {
	}

	/**
	 * The serdes of the topics' values.
	 *
	 * @param pageViews page views
	 * @param articles article events
	 * @param viewCounts counts
	 * @param trending most-read lists
	 */
	public record ValueSerdes(Serde<PageView> pageViews, Serde<ArticleEvent> articles,
			Serde<ArticleViewCount> viewCounts, Serde<TrendingArticles> trending) {
	}

	/**
	 * Adds the counting topology to the builder.
	 * @param builder the builder
	 * @param topics the topics
	 * @param serdes the value serdes
	 * @param rules the visit and retry windows
	 * @param drops told of every record not counted
	 * @return the table of counts
	 */
	public static KTable<String, ArticleViewCount> build(StreamsBuilder builder, Topics topics, ValueSerdes serdes,
			ViewRules rules, ViewDrops drops) {
		GlobalKTable<String, ArticleEvent> catalogue = builder.globalTable(topics.articles(),
				Consumed.with(Serdes.String(), serdes.articles()).withName("articles"),
				Materialized.<String, ArticleEvent, KeyValueStore<Bytes, byte[]>>as(CATALOGUE_STORE)
					.withKeySerde(Serdes.String())
					.withValueSerde(serdes.articles()));
		builder.addStateStore(windowStore(VIEW_IDS_STORE, rules.retryWindow()));
		builder.addStateStore(windowStore(VISITS_STORE, rules.visitWindow()));

		KStream<String, PageView> readers = builder
			.stream(topics.pageViews(), Consumed.with(Serdes.String(), serdes.pageViews()).withName("page-views"))
			.filter((articleId, view) -> articleId != null && view != null, Named.as("drop-unkeyed-and-tombstones"))
			.filter(rule(DropReason.ROBOT, drops, (view) -> !isRobot(view.getTraffic())), Named.as("drop-robots"))
			.filter(rule(DropReason.PREFETCH, drops, (view) -> view.getTraffic() != TrafficClass.PREFETCH),
					Named.as("drop-prefetch"))
			.filter(rule(DropReason.STAFF, drops, (view) -> view.getTraffic() != TrafficClass.STAFF),
					Named.as("drop-staff"));

		KStream<String, PageView> ofPublishedArticles = readers
			.leftJoin(catalogue, (articleId, view) -> articleId, ArticleLookup::new, Named.as("look-up-article"))
			.filter((articleId, lookup) -> lookup.article() != null
					|| dropped(drops, DropReason.UNKNOWN_ARTICLE, articleId), Named.as("drop-unknown-articles"))
			.filter((articleId, lookup) -> isPublished(lookup.article())
					|| dropped(drops, DropReason.NOT_PUBLISHED, articleId), Named.as("drop-unpublished-articles"))
			.mapValues(ArticleLookup::view, Named.as("article-found"));

		KStream<String, PageView> counted = ofPublishedArticles
			.processValues(() -> new OncePerWindow(VIEW_IDS_STORE, PageView::getViewId, rules.retryWindow(),
					DropReason.RETRIED_BEACON, drops), Named.as("count-once-per-view-id"), VIEW_IDS_STORE)
			.processValues(() -> new OncePerWindow(VISITS_STORE, ViewCountTopology::visit, rules.visitWindow(),
					DropReason.SAME_VISIT, drops), Named.as("count-once-per-visit"), VISITS_STORE)
			.peek((articleId, view) -> drops.counted(articleId), Named.as("tell-counted"));
		mostRead(builder, counted, catalogue, topics.trending(), serdes.trending(), rules.trendingGrace());
		counted.groupByKey(Grouped.with("views-by-article-hourly", Serdes.String(), serdes.pageViews()))
			.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofHours(1), rules.trendingGrace()))
			.count(Named.as("count-views-by-hour"),
					Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(HOURLY_STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(Serdes.Long())
						.withRetention(HOURLY_RETENTION.plus(rules.trendingGrace())));

		KTable<String, ArticleViewCount> counts = counted
			.groupByKey(Grouped.with("views-by-article", Serdes.String(), serdes.pageViews()))
			.aggregate(() -> null, ViewCountTopology::add, Named.as("count-views"),
					Materialized.<String, ArticleViewCount, KeyValueStore<Bytes, byte[]>>as(COUNTS_STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(serdes.viewCounts()));
		counts.toStream(Named.as("count-changes"))
			.to(topics.viewCounts(), Produced.with(Serdes.String(), serdes.viewCounts()).withName("view-counts"));
		return counts;
	}

	/**
	 * Most read per edition and per section, for each {@link TrendingWindow}: each
	 * counted view is counted again in the article's hopping windows
	 * ({@code count-views-1h}, {@code count-views-24h}, with grace for late views), every
	 * change of an article's count in a window goes to the article's edition and section
	 * ({@code by-scope-*}, the topology's only repartition), and {@link RankArticles}
	 * keeps each scope's top list per window ({@code rank-*}, stores {@code trending-1h},
	 * {@code trending-24h}) and writes the current one to the trending topic.
	 */
	private static void mostRead(StreamsBuilder builder, KStream<String, PageView> counted,
			GlobalKTable<String, ArticleEvent> catalogue, String trendingTopic, Serde<TrendingArticles> trending,
			Duration grace) {
		KStream<String, String> placed = counted.join(catalogue, (articleId, view) -> articleId,
				(view, article) -> article.getArticle().getEdition() + "\t" + article.getArticle().getSection(),
				Named.as("look-up-place"));
		for (TrendingWindow window : TrendingWindow.values()) {
			String label = window.label();
			builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(window.storeName(),
					window.size().multipliedBy(2).plus(grace), window.size(), false), Serdes.String(), trending));
			placed.groupByKey(Grouped.with("views-by-article-" + label, Serdes.String(), Serdes.String()))
				.windowedBy(TimeWindows.ofSizeAndGrace(window.size(), grace).advanceBy(window.advance()))
				.aggregate(() -> "", ViewCountTopology::countInWindow, Named.as("count-views-" + label),
						Materialized.<String, String, WindowStore<Bytes, byte[]>>as("views-in-window-" + label)
							.withKeySerde(Serdes.String())
							.withValueSerde(Serdes.String()))
				.toStream(Named.as("window-count-changes-" + label))
				.flatMap((windowed, placeAndViews) -> byScope(window, windowed, placeAndViews),
						Named.as("by-scope-" + label))
				.repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("most-read-" + label))
				.process(() -> new RankArticles(window), Named.as("rank-" + label), window.storeName())
				.to(trendingTopic, Produced.with(Serdes.String(), trending).withName("trending-" + label));
		}
	}

	/**
	 * @param place {@code edition \t section} of the viewed article
	 * @param aggregate {@code edition \t section \t views} so far in the window, or empty
	 */
	private static String countInWindow(String articleId, String place, String aggregate) {
		long views = aggregate.isEmpty() ? 0 : Long.parseLong(aggregate.substring(aggregate.lastIndexOf('\t') + 1));
		return place + "\t" + (views + 1);
	}

	private static List<KeyValue<String, String>> byScope(TrendingWindow window, Windowed<String> windowed,
			@Nullable String placeAndViews) {
		if (windowed == null || placeAndViews == null) {
			return List.of();
		}
		String[] fields = placeAndViews.split("\t", -1);
		String update = windowed.key() + "\t" + fields[2] + "\t" + windowed.window().start();
		return List.of(KeyValue.pair(window.key(fields[0], null), update),
				KeyValue.pair(window.key(fields[0], fields[1]), update));
	}

	/**
	 * @param traffic the class of a beacon's sender
	 * @return whether it is a robot, or a class this version does not know
	 */
	static boolean isRobot(TrafficClass traffic) {
		return traffic == TrafficClass.BOT || traffic == TrafficClass.HEADLESS_BROWSER
				|| traffic == TrafficClass.UNCLASSIFIED;
	}

	/**
	 * Whether the article is public now, from the latest event about it. Events written
	 * before version 2 of the schema have no status; their type says it.
	 * @param article the latest event, or null
	 * @return whether views of it count
	 */
	public static boolean isPublished(@Nullable ArticleEvent article) {
		if (article == null || article.getArticle() == null) {
			return false;
		}
		ArticleStatus status = article.getArticle().getStatus();
		if (status != null && status != ArticleStatus.UNKNOWN) {
			return status == ArticleStatus.PUBLISHED;
		}
		return article.getType() == ArticleEventType.PUBLISHED || article.getType() == ArticleEventType.UPDATED;
	}

	private static String visit(PageView view) {
		return view.getArticleId() + "\u0000" + view.getVisitorId();
	}

	static ArticleViewCount add(String articleId, PageView view, @Nullable ArticleViewCount total) {
		if (total == null) {
			return new ArticleViewCount(articleId, 1L, view.getViewedAt());
		}
		Instant latest = view.getViewedAt().isAfter(total.getUpdatedAt()) ? view.getViewedAt() : total.getUpdatedAt();
		return new ArticleViewCount(articleId, total.getViews() + 1, latest);
	}

	private static org.apache.kafka.streams.kstream.Predicate<String, PageView> rule(DropReason reason, ViewDrops drops,
			Function<PageView, Boolean> keep) {
		return (articleId, view) -> keep.apply(view) || dropped(drops, reason, articleId);
	}

	private static boolean dropped(ViewDrops drops, DropReason reason, String articleId) {
		drops.dropped(reason, articleId);
		return false;
	}

	private static StoreBuilder<WindowStore<String, Long>> windowStore(String name, Duration window) {
		// Retention covers the window on both sides of a late view, and a little more.
		Duration retention = window.multipliedBy(2).plusMinutes(1);
		return Stores.windowStoreBuilder(Stores.persistentWindowStore(name, retention, window, false), Serdes.String(),
				Serdes.Long());
	}

	/**
	 * A page view with the latest event of its article, if there is one; lives only
	 * between two steps, so it needs no serde.
	 */
	private record ArticleLookup(PageView view, @Nullable ArticleEvent article) {
	}

}
