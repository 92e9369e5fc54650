package dev.newsroom.viewcounter.counting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

import dev.newsroom.events.view.TrendingArticle;
import dev.newsroom.events.view.TrendingArticles;

/**
 * Keeps the most-read list of each scope (an edition, or a section of one) for each
 * hopping window, from updates of articles' counts in that window. A window's counts only
 * grow, and every update carries the article's whole count in the window, so keeping the
 * top {@value #KEPT} is exact: an article that rises into the list later arrives with its
 * full count. The lists live in a window store, which forgets old windows by itself. A
 * list is forwarded (to {@code newsroom.trending}) when it is its scope's current window.
 */
final class RankArticles implements Processor<String, String, String, TrendingArticles> {

	/** How many articles a list keeps; the API serves at most this many. */
	static final int KEPT = 50;

	private static final Comparator<TrendingArticle> MOST_READ_FIRST = Comparator
		.comparingLong(TrendingArticle::getViews)
		.reversed()
		.thenComparing(TrendingArticle::getArticleId);

	private final TrendingWindow window;

	private ProcessorContext<String, TrendingArticles> context;

	private WindowStore<String, TrendingArticles> lists;

	RankArticles(TrendingWindow window) {
		this.window = window;
	}

	@Override
	public void init(ProcessorContext<String, TrendingArticles> context) {
		this.context = context;
		this.lists = context.getStateStore(this.window.storeName());
	}

	/**
	 * @param record keyed by scope and window, valued {@code articleId \t views \t
	 * windowStart}
	 */
	@Override
	public void process(Record<String, String> record) {
		String[] update = record.value().split("\t", -1);
		String articleId = update[0];
		long views = Long.parseLong(update[1]);
		long windowStart = Long.parseLong(update[2]);
		TrendingArticles list = this.lists.fetch(record.key(), windowStart);
		if (list == null) {
			list = emptyList(record.key(), windowStart);
		}
		List<TrendingArticle> articles = new ArrayList<>(list.getArticles());
		articles.removeIf((article) -> article.getArticleId().equals(articleId));
		articles.add(new TrendingArticle(articleId, views));
		articles.sort(MOST_READ_FIRST);
		if (articles.size() > KEPT) {
			articles = new ArrayList<>(articles.subList(0, KEPT));
		}
		list.setArticles(articles);
		this.lists.put(record.key(), list, windowStart);
		if (windowStart == this.window.currentStart(this.context.currentStreamTimeMs())) {
			this.context.forward(record.withValue(list));
		}
	}

	private TrendingArticles emptyList(String key, long windowStart) {
		String scope = key.substring(0, key.lastIndexOf('|'));
		int slash = scope.indexOf('/');
		return TrendingArticles.newBuilder()
			.setEdition((slash < 0) ? scope : scope.substring(0, slash))
			.setSection((slash < 0) ? null : scope.substring(slash + 1))
			.setWindow(this.window.label())
			.setWindowStart(Instant.ofEpochMilli(windowStart))
			.setWindowEnd(Instant.ofEpochMilli(windowStart + this.window.size().toMillis()))
			.setArticles(List.of())
			.build();
	}

}
