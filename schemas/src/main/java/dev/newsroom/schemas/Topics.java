package dev.newsroom.schemas;

/**
 * Names of the topics that Newsroom publishes for its own services and for downstream
 * consumers. Every topic but {@link #TRENDING} and {@link #DELIVERIES} is keyed by
 * article id as a UTF-8 string, and its values are Avro in Confluent's wire format,
 * registered under the subject {@code <topic>-value}.
 */
public final class Topics {

	/**
	 * Compacted. Values: {@code dev.newsroom.events.article.ArticleEvent}. The latest
	 * record per key is the article's current state.
	 */
	public static final String ARTICLES = "newsroom.articles";

	/** Values: {@code dev.newsroom.events.view.PageView}. */
	public static final String PAGE_VIEWS = "newsroom.page-views";

	/**
	 * Compacted. Values: {@code dev.newsroom.events.view.ArticleViewCount}. The latest
	 * record per key is the article's current total.
	 */
	public static final String ARTICLE_VIEW_COUNTS = "newsroom.article-view-counts";

	/**
	 * Compacted. Keyed by {@code <edition>|<window>} or
	 * {@code <edition>/<section>|<window>}, not by article id. Values:
	 * {@code dev.newsroom.events.view.TrendingArticles}, the current most-read list.
	 */
	public static final String TRENDING = "newsroom.trending";

	/**
	 * Compacted. Keyed by delivery id ({@code <channel>:<articleId>:<action>:<version>}),
	 * not by article id, and partitioned by channel. Values:
	 * {@code dev.newsroom.events.notification.Delivery}, the notifier's ledger.
	 */
	public static final String DELIVERIES = "newsroom.deliveries";

	/**
	 * Retired: the notifier wrote one record per attempt here until 0.1, and now keeps
	 * its ledger on {@link #DELIVERIES}. Values:
	 * {@code dev.newsroom.events.notification.NotificationDelivery}.
	 */
	public static final String NOTIFICATION_DELIVERIES = "newsroom.notification-deliveries";

	private Topics() {
	}

	/**
	 * The subject under which values of the topic are registered (Confluent's
	 * TopicNameStrategy).
	 * @param topic the topic name
	 * @return {@code <topic>-value}
	 */
	public static String valueSubject(String topic) {
		return topic + "-value";
	}

	/**
	 * The subject under which keys of the topic are registered (Confluent's
	 * TopicNameStrategy).
	 * @param topic the topic name
	 * @return {@code <topic>-key}
	 */
	public static String keySubject(String topic) {
		return topic + "-key";
	}

}
