package dev.newsroom.notifier.channels;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A channel did not do what it was asked. Its {@link Kind} tells the delivery engine what
 * that means for the delivery and for the channel; messages say what the platform said
 * and never contain credentials.
 */
public class ChannelException extends RuntimeException {

	private final Kind kind;

	private final @Nullable Duration retryAfter;

	public ChannelException(Kind kind, String message, @Nullable Duration retryAfter) {
		super(message);
		this.kind = kind;
		this.retryAfter = retryAfter;
	}

	public static ChannelException transientFailure(String message, @Nullable Duration retryAfter) {
		return new ChannelException(Kind.TRANSIENT, message, retryAfter);
	}

	public static ChannelException outcomeUnknown(String message) {
		return new ChannelException(Kind.OUTCOME_UNKNOWN, message, null);
	}

	public static ChannelException rateLimited(String message, Duration retryAfter) {
		return new ChannelException(Kind.RATE_LIMITED, message, retryAfter);
	}

	public static ChannelException credentialsRefused(String message) {
		return new ChannelException(Kind.CREDENTIALS_REFUSED, message, null);
	}

	public static ChannelException rejected(String message) {
		return new ChannelException(Kind.REJECTED, message, null);
	}

	public static ChannelException notPossible(String message) {
		return new ChannelException(Kind.NOT_POSSIBLE, message, null);
	}

	/**
	 * @return what kind of failure this is
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * @return how long the platform asked us to wait, if it did
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	/**
	 * What a failure means.
	 */
	public enum Kind {

		/**
		 * The platform did not take it and said so, or could not be reached: trying again
		 * later is safe.
		 */
		TRANSIENT,

		/**
		 * The request may have reached the platform and been acted on (a timeout after
		 * sending, an answer that cannot be read): trying again may post twice, unless
		 * the platform recognises a retry.
		 */
		OUTCOME_UNKNOWN,

		/** The platform asked us to slow down; the whole channel waits. */
		RATE_LIMITED,

		/**
		 * The credentials were refused or no longer allow posting (revoked or expired
		 * token, bot removed from the channel): the channel pauses until resumed.
		 */
		CREDENTIALS_REFUSED,

		/** The platform refused this delivery for good. */
		REJECTED,

		/**
		 * The platform cannot do this through its API (edit an Instagram caption), or the
		 * post lacks what the platform needs (an image for Instagram).
		 */
		NOT_POSSIBLE

	}

}
