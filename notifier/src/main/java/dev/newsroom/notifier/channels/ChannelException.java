package dev.newsroom.notifier.channels;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A channel did not accept an announcement. Says whether trying again may help and, when
 * the platform said so (an HTTP 429), how long to wait first. Messages never contain
 * credentials.
 */
public class ChannelException extends RuntimeException {

	private final boolean retryable;

	private final @Nullable Duration retryAfter;

	public ChannelException(String message, boolean retryable, @Nullable Duration retryAfter) {
		super(message);
		this.retryable = retryable;
		this.retryAfter = retryAfter;
	}

	/**
	 * @return whether the same announcement may succeed later
	 */
	public boolean retryable() {
		return this.retryable;
	}

	/**
	 * @return how long the platform asked us to wait, if it did
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
