package dev.newsroom.viewcounter.config;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the counting application does with a page view it cannot read.
 */
class DeadLetterOrRetryHandlerTests {

	private final List<ConsumerRecord<?, ?>> deadLettered = new ArrayList<>();

	private final DeadLetterOrRetryHandler handler = new DeadLetterOrRetryHandler(
			(record, ex) -> this.deadLettered.add(record));

	private final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("newsroom.page-views", 0, 7,
			"a-1".getBytes(), "x".getBytes());

	@Test
	void unreadableRecordIsDeadLetteredAndProcessingContinues() {
		DeserializationHandlerResponse response = this.handler.handle((ErrorHandlerContext) null, this.record,
				new SerializationException("unknown magic byte 0x78"));

		assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
		assertThat(this.deadLettered).containsExactly(this.record);
	}

	@Test
	void recordUnreadableOnlyBecauseTheRegistryIsDownFailsTheThreadInsteadOfBeingDeadLettered() {
		DeserializationHandlerResponse response = this.handler.handle((ErrorHandlerContext) null, this.record,
				new TimeoutException("registry unreachable"));

		assertThat(response).isEqualTo(DeserializationHandlerResponse.FAIL);
		assertThat(this.deadLettered).isEmpty();
	}

	@Test
	void threadFailedForATransientReasonIsReplacedAndAnythingElseStopsTheApplication() {
		assertThat(StreamsConfiguration
			.replaceThreadIfTransient(new IllegalStateException("wrapped", new TimeoutException("registry"))))
			.isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
		assertThat(StreamsConfiguration.replaceThreadIfTransient(new IllegalStateException("a bug")))
			.isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
	}

}
