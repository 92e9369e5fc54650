package dev.newsroom.viewcounter.counting;

/**
 * Told of every page-view record the topology does not count, and why, and of every view
 * it counts; the service keeps both in metrics. Under exactly-once a record processed
 * again after an aborted transaction is told again, so the metrics are rates to watch,
 * and the counts topic is the exact figure.
 */
@FunctionalInterface
public interface ViewDrops {

	/** Ignores drops, for tests that do not look at them. */
	ViewDrops NONE = (reason, articleId) -> {
	};

	/**
	 * A record was not counted.
	 * @param reason the rule it failed
	 * @param articleId the article it was for
	 */
	void dropped(DropReason reason, String articleId);

	/**
	 * A view was counted.
	 * @param articleId the article it was of
	 */
	default void counted(String articleId) {
	}

}
