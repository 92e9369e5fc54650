package dev.newsroom.support.kafka;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.RecordMetadata;

import org.springframework.kafka.support.SendResult;

/**
 * Waiting for the broker's acknowledgement of a send, so that a caller hears "done" only
 * once the record is on all in-sync replicas.
 */
public final class Acknowledgements {

	private Acknowledgements() {
	}

	/**
	 * Sends and waits for the acknowledgement.
	 * @param send the send, such as {@code () -> template.send(topic, key, value)}
	 * @param timeout how long to wait
	 * @return where the record landed
	 * @throws NotAcknowledgedException if the send failed (also when the record could not
	 * be serialized), timed out, or the wait was interrupted; its cause says why
	 */
	public static RecordMetadata send(Supplier<? extends CompletableFuture<? extends SendResult<?, ?>>> send,
			Duration timeout) {
		try {
			return send.get().get(timeout.toMillis(), TimeUnit.MILLISECONDS).getRecordMetadata();
		}
		catch (RuntimeException ex) {
			throw new NotAcknowledgedException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NotAcknowledgedException(ex);
		}
		catch (ExecutionException ex) {
			throw new NotAcknowledgedException(Objects.requireNonNullElse(ex.getCause(), ex));
		}
		catch (TimeoutException ex) {
			throw new NotAcknowledgedException(
					new TimeoutException("No acknowledgement within " + timeout.toMillis() + " ms"));
		}
	}

	/**
	 * A send was not acknowledged. The cause says why: the broker refused it, it timed
	 * out, or the record could not be serialized.
	 */
	public static final class NotAcknowledgedException extends RuntimeException {

		NotAcknowledgedException(Throwable cause) {
			super(cause.getMessage(), cause);
		}

	}

}
