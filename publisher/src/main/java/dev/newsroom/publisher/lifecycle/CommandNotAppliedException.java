package dev.newsroom.publisher.lifecycle;

import dev.newsroom.support.kafka.TransientFailures;

/**
 * A command did not reach its writer, or no answer came back in time.
 */
public class CommandNotAppliedException extends RuntimeException {

	private final String articleId;

	private final boolean timedOut;

	CommandNotAppliedException(String articleId, boolean timedOut, Throwable cause) {
		super(timedOut ? "No answer from the writer of article " + articleId + " in time"
				: "The command for article " + articleId + " could not be sent: " + cause.getMessage(), cause);
		this.articleId = articleId;
		this.timedOut = timedOut;
	}

	/**
	 * @return the article the command was for
	 */
	public String articleId() {
		return this.articleId;
	}

	/**
	 * @return whether the command was sent but no answer came in time; the writer drops
	 * it once the deadline has passed
	 */
	public boolean timedOut() {
		return this.timedOut;
	}

	/**
	 * @return whether trying again may work: a time-out, or a failure Kafka calls
	 * retriable (broker unavailable, not enough replicas)
	 */
	public boolean isTransient() {
		return this.timedOut || TransientFailures.isTransient(getCause());
	}

}
