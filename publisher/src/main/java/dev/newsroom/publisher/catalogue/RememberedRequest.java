package dev.newsroom.publisher.catalogue;

import java.time.Instant;

/**
 * A request made with an {@code Idempotency-Key}, remembered with its answer on the
 * requests topic.
 *
 * @param principal who made it; keys are scoped per principal
 * @param key the {@code Idempotency-Key}
 * @param fingerprint a hash of the request
 * @param articleId the article it acted on
 * @param at when it was answered
 * @param reply the answer
 */
public record RememberedRequest(String principal, String key, String fingerprint, String articleId, Instant at,
		CommandReply reply) {

	/**
	 * @return the record key on the requests topic
	 */
	public String recordKey() {
		return recordKey(this.principal, this.key);
	}

	/**
	 * @param principal who made the request
	 * @param key the {@code Idempotency-Key}
	 * @return the record key on the requests topic
	 */
	public static String recordKey(String principal, String key) {
		return principal + "\n" + key;
	}

}
