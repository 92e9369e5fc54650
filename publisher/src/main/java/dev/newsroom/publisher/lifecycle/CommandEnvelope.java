package dev.newsroom.publisher.lifecycle;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A command as it travels on the commands topic: who asked, how to answer, and the
 * request's idempotency key.
 *
 * @param correlationId matches the writer's reply to the waiting request
 * @param actor the authenticated editor, or the publisher itself for scheduled
 * publications
 * @param editor whether the actor has the editor role (publish, schedule, unpublish,
 * change published work)
 * @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null}
 * @param fingerprint a hash of the request, to tell a retry from a different request with
 * the same key
 * @param deadline when the waiting request gives up; a command read later is dropped, so
 * that nothing is written after the editor was told it was not. {@code null} for the
 * publisher's own commands
 * @param replyPartition the replies partition the requesting instance reads, or -1 when
 * nobody waits
 * @param command the command
 */
public record CommandEnvelope(String correlationId, String actor, boolean editor, @Nullable String idempotencyKey,
		@Nullable String fingerprint, @Nullable Instant deadline, int replyPartition, ArticleCommand command) {

	/**
	 * @param now the current time
	 * @return whether the requester has already given up
	 */
	boolean expired(Instant now) {
		return this.deadline != null && now.isAfter(this.deadline);
	}

}
