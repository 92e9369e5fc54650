package dev.newsroom.viewcounter.counting;

import java.time.Duration;

/**
 * The windows of the most-read lists: the last hour, hopping every 5 minutes, and the
 * last 24 hours, hopping every hour.
 */
public enum TrendingWindow {

	/** The last hour. */
	LAST_HOUR("1h", Duration.ofHours(1), Duration.ofMinutes(5)),

	/** The last 24 hours. */
	LAST_DAY("24h", Duration.ofHours(24), Duration.ofHours(1));

	private final String label;

	private final Duration size;

	private final Duration advance;

	TrendingWindow(String label, Duration size, Duration advance) {
		this.label = label;
		this.size = size;
		this.advance = advance;
	}

	/**
	 * @return how the window is named in keys and in the API: {@code 1h} or {@code 24h}
	 */
	public String label() {
		return this.label;
	}

	public Duration size() {
		return this.size;
	}

	public Duration advance() {
		return this.advance;
	}

	/**
	 * @return the name of the store of this window's lists
	 */
	public String storeName() {
		return "trending-" + this.label;
	}

	/**
	 * The window that stands for "the last hour" (or day) at a time: of the hopping
	 * windows that hold that time, the one that ends soonest after it.
	 * @param epochMillis the time
	 * @return that window's start
	 */
	public long currentStart(long epochMillis) {
		long advanceMillis = this.advance.toMillis();
		return Math.floorDiv(epochMillis, advanceMillis) * advanceMillis + advanceMillis - this.size.toMillis();
	}

	/**
	 * @param label {@code 1h} or {@code 24h}
	 * @return the window
	 * @throws IllegalArgumentException for any other label
	 */
	public static TrendingWindow fromLabel(String label) {
		for (TrendingWindow window : values()) {
			if (window.label.equals(label)) {
				return window;
			}
		}
		throw new IllegalArgumentException("must be 1h or 24h, not '" + label + "'");
	}

	/**
	 * The key of a list in the stores and on {@code newsroom.trending}.
	 * @param edition the edition
	 * @param section the section, or null for the whole edition
	 * @return {@code <edition>|<window>} or {@code <edition>/<section>|<window>}
	 */
	public String key(String edition, @org.jspecify.annotations.Nullable String section) {
		return ((section != null) ? edition + "/" + section : edition) + "|" + this.label;
	}

}
