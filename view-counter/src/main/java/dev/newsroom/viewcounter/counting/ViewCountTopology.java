package dev.newsroom.viewcounter.counting;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.events.view.PageView;

/**
 * Counts page views per article. Views arrive keyed by article id, so they are grouped
 * without repartitioning; each article's running total is kept in the state store
 * {@value #COUNTS_STORE} and every change is written to the compacted counts topic.
 */
public final class ViewCountTopology {

	/** Name of the key-value store of {@link ArticleViewCount} by article id. */
	public static final String COUNTS_STORE = "article-view-counts";

	private ViewCountTopology() {
	}

	/**
	 * Adds the counting topology to the builder.
	 * @param builder the builder
	 * @param pageViewsTopic the input topic, keyed by article id
	 * @param viewCountsTopic the output topic
	 * @param pageViews serde of page views
	 * @param viewCounts serde of counts
	 * @return the table of counts
	 */
	public static KTable<String, ArticleViewCount> build(StreamsBuilder builder, String pageViewsTopic,
			String viewCountsTopic, Serde<PageView> pageViews, Serde<ArticleViewCount> viewCounts) {
		KTable<String, ArticleViewCount> counts = builder
			.stream(pageViewsTopic, Consumed.with(Serdes.String(), pageViews).withName("page-views"))
			.filter((articleId, view) -> articleId != null && view != null, Named.as("drop-unkeyed-and-tombstones"))
			.groupByKey(Grouped.with("views-by-article", Serdes.String(), pageViews))
			.aggregate(() -> null, ViewCountTopology::add, Named.as("count-views"),
					Materialized.<String, ArticleViewCount, KeyValueStore<Bytes, byte[]>>as(COUNTS_STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(viewCounts));
		counts.toStream(Named.as("count-changes"))
			.to(viewCountsTopic, Produced.with(Serdes.String(), viewCounts).withName("view-counts"));
		return counts;
	}

	static ArticleViewCount add(String articleId, PageView view, ArticleViewCount total) {
		if (total == null) {
			return new ArticleViewCount(articleId, 1L, view.getViewedAt());
		}
		Instant latest = view.getViewedAt().isAfter(total.getUpdatedAt()) ? view.getViewedAt() : total.getUpdatedAt();
		return new ArticleViewCount(articleId, total.getViews() + 1, latest);
	}

}
