package dev.newsroom.viewcounter.counting;

/**
 * Told of every page-view record the topology does not count, and why; the service counts
 * them in a metric.
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

}
