package dev.newsroom.publisher.catalogue;

import java.util.Map;

/**
 * The writer's answer to a command, as the HTTP answer it becomes: also what is
 * remembered under an {@code Idempotency-Key} and replayed to a retry.
 *
 * @param correlationId the command's correlation id
 * @param status the HTTP status
 * @param headers headers such as {@code ETag} and {@code Location}
 * @param contentType the body's media type
 * @param body the body, JSON
 */
public record CommandReply(String correlationId, int status, Map<String, String> headers, String contentType,
		String body) {

	/**
	 * @param correlationId another request's correlation id
	 * @return this answer, addressed to that request
	 */
	public CommandReply to(String correlationId) {
		return new CommandReply(correlationId, this.status, this.headers, this.contentType, this.body);
	}

}
