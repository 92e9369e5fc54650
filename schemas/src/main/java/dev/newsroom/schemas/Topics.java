package dev.newsroom.schemas;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.notification.Delivery;
import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.events.view.PageView;
import dev.newsroom.events.view.TrendingArticles;
import dev.newsroom.schemas.TopicDeclaration.Cleanup;

/**
 * The topics that Newsroom publishes for its own services and for downstream consumers,
 * each declared once ({@link #declarations()}): the services create their topics from
 * these declarations, and the AsyncAPI document ({@code /asyncapi.yaml}) and the README's
 * topic table are checked against them. Keys are UTF-8 strings; Avro values are in
 * Confluent's wire format, registered under the subject {@code <topic>-value}.
 */
public final class Topics {

	/**
	 * Compacted, keyed by article id. Values: {@code ArticleEvent}. The latest record per
	 * key is the article's current state.
	 */
	public static final String ARTICLES = "newsroom.articles";

	/** Every change of every article, never deleted. Values: {@code ArticleEvent}. */
	public static final String ARTICLE_CHANGES = "newsroom.article-changes";

	/** Every beacon of an article page, keyed by article id. Values: {@code PageView}. */
	public static final String PAGE_VIEWS = "newsroom.page-views";

	/**
	 * Compacted, keyed by article id. Values: {@code ArticleViewCount}. The latest record
	 * per key is the article's current total.
	 */
	public static final String ARTICLE_VIEW_COUNTS = "newsroom.article-view-counts";

	/**
	 * Compacted. Keyed by {@code <edition>|<window>} or
	 * {@code <edition>/<section>|<window>}, not by article id. Values:
	 * {@code TrendingArticles}, the current most-read list.
	 */
	public static final String TRENDING = "newsroom.trending";

	/**
	 * Compacted. Keyed by delivery id ({@code <channel>:<articleId>:<action>:<version>}),
	 * not by article id, and partitioned by channel. Values: {@code Delivery}, the
	 * notifier's ledger.
	 */
	public static final String DELIVERIES = "newsroom.deliveries";

	/** Page views the view counter could not read, as they were. */
	public static final String PAGE_VIEWS_DEAD_LETTERS = "newsroom.page-views.view-counter-dlt";

	/** Records the notifier could not handle, as they were. */
	public static final String NOTIFIER_DEAD_LETTERS = "newsroom.notifier-dlt";

	/**
	 * Retired: the notifier wrote one record per attempt here until 0.1, and now keeps
	 * its ledger on {@link #DELIVERIES}. Values:
	 * {@code dev.newsroom.events.notification.NotificationDelivery}.
	 */
	public static final String NOTIFICATION_DELIVERIES = "newsroom.notification-deliveries";

	/** The writers, as {@link TopicDeclaration#writer()} names them. */
	public static final String PUBLISHER = "publisher";

	/** See {@link #PUBLISHER}. */
	public static final String VIEW_COUNTER = "view-counter";

	/** See {@link #PUBLISHER}. */
	public static final String NOTIFIER = "notifier";

	/**
	 * Every acknowledged write is on two replicas, where the cluster has three or more
	 * brokers ({@link TopicDeclaration#effectiveMinInsyncReplicas(int)}).
	 */
	private static final int MIN_INSYNC_REPLICAS = 2;

	private static final int PARTITIONS = 6;

	private static final String ARTICLE_ID = "article id";

	private static final String ORIGINAL_KEY = "the original key";

	private static final List<TopicDeclaration> DECLARATIONS = List.of(
			new TopicDeclaration(ARTICLES, ARTICLE_ID, ArticleEvent.class, Cleanup.COMPACT, PARTITIONS,
					MIN_INSYNC_REPLICAS, PUBLISHER, Map.of()),
			new TopicDeclaration(ARTICLE_CHANGES, ARTICLE_ID, ArticleEvent.class, Cleanup.DELETE, PARTITIONS,
					MIN_INSYNC_REPLICAS, PUBLISHER, Map.of("retention.ms", "-1")),
			new TopicDeclaration(PAGE_VIEWS, ARTICLE_ID, PageView.class, Cleanup.DELETE, PARTITIONS,
					MIN_INSYNC_REPLICAS, VIEW_COUNTER, Map.of()),
			new TopicDeclaration(ARTICLE_VIEW_COUNTS, ARTICLE_ID, ArticleViewCount.class, Cleanup.COMPACT, PARTITIONS,
					MIN_INSYNC_REPLICAS, VIEW_COUNTER, Map.of()),
			new TopicDeclaration(TRENDING, "<edition>|<window> or <edition>/<section>|<window>", TrendingArticles.class,
					Cleanup.COMPACT, PARTITIONS, MIN_INSYNC_REPLICAS, VIEW_COUNTER, Map.of()),
			// Every state of a delivery stays readable for a week: the audit trail of its
			// attempts. After that only its latest state is kept.
			new TopicDeclaration(DELIVERIES, "delivery id", Delivery.class, Cleanup.COMPACT, PARTITIONS,
					MIN_INSYNC_REPLICAS, NOTIFIER, Map.of("min.compaction.lag.ms", "604800000")),
			new TopicDeclaration(PAGE_VIEWS_DEAD_LETTERS, ORIGINAL_KEY, byte[].class, Cleanup.DELETE, 1,
					MIN_INSYNC_REPLICAS, VIEW_COUNTER, Map.of()),
			new TopicDeclaration(NOTIFIER_DEAD_LETTERS, ORIGINAL_KEY, byte[].class, Cleanup.DELETE, 1,
					MIN_INSYNC_REPLICAS, NOTIFIER, Map.of()));

	private Topics() {
	}

	/**
	 * @return the declarations of the public topics, in the order of the README's table
	 */
	public static List<TopicDeclaration> declarations() {
		return DECLARATIONS;
	}

	/**
	 * @param name a public topic's name, such as {@link #ARTICLES}
	 * @return its declaration
	 * @throws IllegalArgumentException if no public topic has that name
	 */
	public static TopicDeclaration declaration(String name) {
		return find(name).orElseThrow(() -> new IllegalArgumentException("No public topic is named " + name
				+ "; the public topics are " + DECLARATIONS.stream().map(TopicDeclaration::name).toList()));
	}

	/**
	 * @param name a topic's name
	 * @return its declaration, if it is a public topic
	 */
	public static Optional<TopicDeclaration> find(String name) {
		return DECLARATIONS.stream().filter((declaration) -> declaration.name().equals(name)).findFirst();
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
