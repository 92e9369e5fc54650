package dev.newsroom.publisher.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;

import dev.newsroom.publisher.PublisherProperties;
import dev.newsroom.publisher.catalogue.CommandReply;
import dev.newsroom.schemas.TopicDeclaration;

/**
 * Sends commands to the writer of their article's partition and waits for its answer.
 * Whichever instance takes a request, the change is applied by one writer, so two
 * instances behind one address behave as one.
 */
public final class CommandGateway {

	private final KafkaTemplate<String, byte[]> commands;

	private final ReplyReader replies;

	private final JsonMapper json;

	private final PublisherProperties properties;

	private final TopicDeclaration commandsTopic;

	/**
	 * @param commands a template for the commands topic (not transactional)
	 * @param replies the reader of this instance's replies
	 * @param json the JSON mapper
	 * @param properties the publisher's settings
	 */
	public CommandGateway(KafkaTemplate<String, byte[]> commands, ReplyReader replies, JsonMapper json,
			PublisherProperties properties) {
		this.commands = commands;
		this.replies = replies;
		this.json = json;
		this.properties = properties;
		// Resolved once: every request sends to it.
		this.commandsTopic = properties.declaredTopics().commands();
	}

	/**
	 * Sends a command and waits for the writer's answer.
	 * @param command the command
	 * @param actor the authenticated editor
	 * @param editor whether the actor may publish
	 * @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null}
	 * @param fingerprint the request's fingerprint, or {@code null}
	 * @param now the current time
	 * @return the answer
	 * @throws CommandNotAppliedException if the command could not be sent, or no answer
	 * came in time
	 */
	public CommandReply request(ArticleCommand command, String actor, boolean editor, @Nullable String idempotencyKey,
			@Nullable String fingerprint, Instant now) {
		Duration timeout = this.properties.commandTimeout();
		String correlationId = UUID.randomUUID().toString();
		CommandEnvelope envelope = new CommandEnvelope(correlationId, actor, editor, idempotencyKey, fingerprint,
				now.plus(timeout), this.replies.partition(), command);
		long started = System.nanoTime();
		CompletableFuture<CommandReply> reply = this.replies.expect(correlationId);
		try {
			this.replies.positioned().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			send(envelope).get(remaining(timeout, started), TimeUnit.NANOSECONDS);
			return reply.get(remaining(timeout, started), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandNotAppliedException(command.articleId(), false, ex);
		}
		catch (ExecutionException ex) {
			throw new CommandNotAppliedException(command.articleId(), false, ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new CommandNotAppliedException(command.articleId(), true, ex);
		}
		finally {
			this.replies.forget(correlationId);
		}
	}

	private static long remaining(Duration timeout, long started) {
		return Math.max(0, timeout.toNanos() - (System.nanoTime() - started));
	}

	/**
	 * Sends one of the publisher's own commands, with nobody waiting for the answer.
	 * @param command the command
	 * @param actor the name the publisher acts under
	 * @return the send
	 */
	public CompletableFuture<?> tell(ArticleCommand command, String actor) {
		return send(new CommandEnvelope(UUID.randomUUID().toString(), actor, true, null, null, null, -1, command));
	}

	private CompletableFuture<?> send(CommandEnvelope envelope) {
		String key = envelope.command().articleId();
		int partition = Partitions.of(key, this.commandsTopic.partitions());
		return this.commands.send(this.commandsTopic.name(), partition, key, this.json.writeValueAsBytes(envelope));
	}

}
