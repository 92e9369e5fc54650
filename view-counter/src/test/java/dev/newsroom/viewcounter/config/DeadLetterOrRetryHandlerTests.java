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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	@Test
	void anUnreadableRecordThatCannotBeDeadLetteredFailsTheThreadForATransientReason() {
		DeadLetterOrRetryHandler failing = new DeadLetterOrRetryHandler((record, ex) -> {
			throw new IllegalStateException("Topic newsroom.page-views.view-counter-dlt not present in metadata");
		});

		assertThatExceptionOfType(DeadLetterOrRetryHandler.DeadLetterUnavailableException.class)
			.isThrownBy(() -> failing.handle((ErrorHandlerContext) null, this.record,
					new SerializationException("unknown magic byte 0x78")))
			.satisfies((ex) -> assertThat(StreamsConfiguration
				.replaceThreadIfTransient(new IllegalStateException("Fatal user code error", ex)))
				.isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD))
			.withMessageContaining("newsroom.page-views-0@7");
	}

}
