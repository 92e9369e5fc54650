package dev.newsroom.viewcounter.config;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

import dev.newsroom.support.kafka.TransientFailures;

/**
 * Dead-letters a page view that cannot be deserialized, unless the failure is transient
 * (the schema registry is unavailable): then the stream thread fails and is replaced, and
 * the record is read again from the last commit, so that no view drops out of the counts
 * during an outage.
 */
public class DeadLetterOrRetryHandler extends RecoveringDeserializationExceptionHandler {

	/**
	 * Created by Kafka Streams from its configuration, which carries the recoverer.
	 */
	public DeadLetterOrRetryHandler() {
	}

	DeadLetterOrRetryHandler(ConsumerRecordRecoverer recoverer) {
		super(recoverer);
	}

	@Override
	public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
			Exception exception) {
		if (TransientFailures.isTransient(exception)) {
			return DeserializationHandlerResponse.FAIL;
		}
		return super.handle(context, record, exception);
	}

}
