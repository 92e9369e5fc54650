package dev.newsroom.viewcounter.counting;

import java.time.Duration;

/**
 * The tunable parts of what counts as a view.
 *
 * @param visitWindow a visitor's views of one article within this time count once (30
 * minutes, Matomo's visit window)
 * @param retryWindow how long a view id is remembered, so that a retried beacon counts
 * once
 */
public record ViewRules(Duration visitWindow, Duration retryWindow) {

	/** The usual newsroom rule: once per visitor per article per 30 minutes. */
	public static final ViewRules DEFAULT = new ViewRules(Duration.ofMinutes(30), Duration.ofMinutes(30));

	public ViewRules {
		if (visitWindow.isNegative() || visitWindow.isZero() || retryWindow.isNegative() || retryWindow.isZero()) {
			throw new IllegalArgumentException(
					"The visit and retry windows must be positive, not " + visitWindow + " and " + retryWindow);
		}
	}

}
