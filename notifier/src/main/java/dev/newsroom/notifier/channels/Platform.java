package dev.newsroom.notifier.channels;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The platforms a channel can post to, with what the delivery engine must know of each:
 * whether a post retried after a crash is recognised as the same one, and the documented
 * pace a channel keeps unless configured otherwise.
 */
public enum Platform {

	/** Bot API: about 20 messages a minute to one channel. No idempotency key. */
	TELEGRAM("Telegram", false, 20, Duration.ofMinutes(1)),

	/**
	 * X API v2: 300 posts per 3 hours per user; a repeated text is refused as duplicate
	 * content, which tells that the first one was posted.
	 */
	X("X", true, 300, Duration.ofHours(3)),

	/** Graph API, Page feed: 200 calls per hour per user. No idempotency key. */
	FACEBOOK("Facebook", false, 200, Duration.ofHours(1)),

	/** Graph API, content publishing: 50 posts per 24 hours. No idempotency key. */
	INSTAGRAM("Instagram", false, 50, Duration.ofHours(24)),

	/** Standard Webhooks: receivers deduplicate on webhook-id. */
	WEBHOOK("Webhook", true, 0, null),

	/** The notifier's own log, for runs without any platform. */
	LOG("Log", true, 0, null);

	private final String displayName;

	private final boolean retriesWithSameKey;

	private final int defaultLimit;

	private final @Nullable Duration defaultPeriod;

	Platform(String displayName, boolean retriesWithSameKey, int defaultLimit, @Nullable Duration defaultPeriod) {
		this.displayName = displayName;
		this.retriesWithSameKey = retriesWithSameKey;
		this.defaultLimit = defaultLimit;
		this.defaultPeriod = defaultPeriod;
	}

	/**
	 * @return the platform's name as people write it
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * @return whether a delivery interrupted by a crash may be retried, because the
	 * platform recognises the retry; otherwise it becomes uncertain
	 */
	public boolean retriesWithSameKey() {
		return this.retriesWithSameKey;
	}

	/**
	 * @return how many posts the platform's documented limit allows per
	 * {@link #defaultPeriod()}, or 0 for no limit
	 */
	public int defaultLimit() {
		return this.defaultLimit;
	}

	/**
	 * @return the period of {@link #defaultLimit()}, or {@code null} for no limit
	 */
	public @Nullable Duration defaultPeriod() {
		return this.defaultPeriod;
	}

	/**
	 * @return the name used in settings and in the ledger, such as {@code telegram}
	 */
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
