package dev.newsroom.publisher.lifecycle;

import java.util.Map;

import dev.newsroom.publisher.lifecycle.Decision.Problem;

/**
 * The problems of {@code Idempotency-Key} misuse, the same whether the instance that took
 * the request or the article's writer finds it.
 */
public final class IdempotencyProblems {

	private IdempotencyProblems() {
	}

	/**
	 * @param key the key
	 * @param articleId the article the first request acted on
	 * @return a 422 problem
	 */
	public static Problem keyReused(String key, String articleId) {
		return new Problem(422, "idempotency-key-reused", "Idempotency key already used",
				"The Idempotency-Key '" + key
						+ "' was already used for a different request. Use a new key for a new request; "
						+ "send the same request again to get its original answer.",
				Map.of("articleId", articleId));
	}

}
