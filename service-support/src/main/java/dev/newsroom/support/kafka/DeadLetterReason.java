package dev.newsroom.support.kafka;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Adds the root cause of a failure to a dead-lettered record as the header
 * {@value #HEADER}. Spring Kafka's {@code kafka_dlt-exception-message} holds the
 * outermost message, which for a record that did not deserialize is only "failed to
 * deserialize"; this header says why, such as "unknown magic byte 0x7b".
 */
public final class DeadLetterReason {

	/** Header holding the root cause's message. */
	public static final String HEADER = "newsroom-dlt-reason";

	private DeadLetterReason() {
	}

	/**
	 * @return a headers function for
	 * {@code DeadLetterPublishingRecoverer.setHeadersFunction}
	 */
	public static BiFunction<ConsumerRecord<?, ?>, Exception, Headers> header() {
		return (record, ex) -> {
			Throwable cause = ex;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
			return new RecordHeaders().add(HEADER, reason.getBytes(StandardCharsets.UTF_8));
		};
	}

}
