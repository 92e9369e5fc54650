package dev.newsroom.viewcounter.config;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

import dev.newsroom.support.kafka.TransientFailures;

/**
 * Dead-letters a page view that cannot be deserialized, unless the failure is transient
 * (the schema registry is unavailable): then the stream thread fails and is replaced, and
 * the record is read again from the last commit, so that no view drops out of the counts
 * during an outage. If the dead-letter topic cannot be written, that is transient too:
 * the thread fails with a {@link DeadLetterUnavailableException} and is replaced, and the
 * record is dead-lettered once the topic takes it, rather than the application stopping.
 */
public class DeadLetterOrRetryHandler extends RecoveringDeserializationExceptionHandler {

	private @Nullable ConsumerRecordRecoverer recoverer;

	/**
	 * Created by Kafka Streams from its configuration, which carries the recoverer.
	 */
	public DeadLetterOrRetryHandler() {
	}

	DeadLetterOrRetryHandler(ConsumerRecordRecoverer recoverer) {
		super(recoverer);
		this.recoverer = recoverer;
	}

	@Override
	public void configure(Map<String, ?> configs) {
		super.configure(configs);
		if (configs.get(KSTREAM_DESERIALIZATION_RECOVERER) instanceof ConsumerRecordRecoverer configured) {
			this.recoverer = configured;
		}
	}

	@Override
	public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
			Exception exception) {
		if (TransientFailures.isTransient(exception)) {
			return DeserializationHandlerResponse.FAIL;
		}
		if (this.recoverer == null) {
			return super.handle(context, record, exception);
		}
		try {
			this.recoverer.accept(record, exception);
			return DeserializationHandlerResponse.CONTINUE;
		}
		catch (RuntimeException ex) {
			throw new DeadLetterUnavailableException(record, ex);
		}
	}

	/**
	 * An unreadable page view could not be dead-lettered; it is read again once the
	 * stream thread is replaced.
	 */
	static final class DeadLetterUnavailableException extends RetriableException {

		DeadLetterUnavailableException(ConsumerRecord<?, ?> record, Throwable cause) {
			super("Page view " + record.topic() + "-" + record.partition() + "@" + record.offset()
					+ " cannot be read and could not be dead-lettered (" + cause.getMessage()
					+ "); it is tried again once the dead-letter topic can be written", cause);
		}

	}

}
