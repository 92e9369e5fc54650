package dev.newsroom.support.kafka;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Tells a failure that says something is wrong with a record (dead-letter it) from one
 * that says a dependency is briefly unavailable (retry it): the latter has a Kafka
 * {@link RetriableException} among its causes, such as the serdes'
 * {@code SchemaRegistryUnavailableException} or a broker timeout.
 */
public final class TransientFailures {

	private TransientFailures() {
	}

	/**
	 * @param failure a failure
	 * @return whether it, or one of its causes, is a {@link RetriableException}
	 */
	public static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof RetriableException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Makes a listener error handler retry a record whose deserialization failed for a
	 * transient reason, instead of dead-lettering it at once as Spring Kafka does with
	 * every {@link DeserializationException}. A record that is itself unreadable (a
	 * {@link SerializationException} cause) is still not retried.
	 * @param handler the handler to configure
	 */
	public static void retryTransientDeserializationFailures(DefaultErrorHandler handler) {
		handler.removeClassification(DeserializationException.class);
		handler.addNotRetryableExceptions(SerializationException.class);
		handler.addRetryableExceptions(RetriableException.class);
	}

}
