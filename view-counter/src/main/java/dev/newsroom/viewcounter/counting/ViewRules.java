package dev.newsroom.viewcounter.counting;

import java.time.Duration;

/**
 * The tunable parts of what counts as a view.
 *
 * @param visitWindow a visitor's views of one article within this time count once (30
 * minutes, Matomo's visit window)
 * @param retryWindow how long a view id is remembered, so that a retried beacon counts
 * once
 * @param trendingGrace how late a view may arrive and still count in the most-read window
 * it belongs to
 */
public record ViewRules(Duration visitWindow, Duration retryWindow, Duration trendingGrace) {

	/**
	 * The usual newsroom rule: once per visitor per article per 30 minutes; views up to 5
	 * minutes late still count for most-read.
	 */
	public static final ViewRules DEFAULT = new ViewRules(Duration.ofMinutes(30), Duration.ofMinutes(30),
			Duration.ofMinutes(5));

	public ViewRules {
		if (visitWindow.isNegative() || visitWindow.isZero() || retryWindow.isNegative() || retryWindow.isZero()) {
			throw new IllegalArgumentException(
					"The visit and retry windows must be positive, not " + visitWindow + " and " + retryWindow);
		}
		if (trendingGrace.isNegative()) {
			throw new IllegalArgumentException("The most-read grace must not be negative, not " + trendingGrace);
		}
	}

}
