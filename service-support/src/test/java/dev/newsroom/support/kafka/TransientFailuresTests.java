package dev.newsroom.support.kafka;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are retried and which are dead-lettered.
 */
class TransientFailuresTests {

	private final Exception registryDown = failedListener(new DeserializationException("failed to deserialize",
			new byte[0], false, new TimeoutException("registry unreachable")));

	private final Exception poisonPill = failedListener(new DeserializationException("failed to deserialize",
			new byte[0], false, new SerializationException("unknown magic byte 0x7b")));

	@Test
	void aRetriableCauseAnywhereInTheChainIsTransient() {
		assertThat(TransientFailures.isTransient(this.registryDown)).isTrue();
		assertThat(TransientFailures.isTransient(this.poisonPill)).isFalse();
		assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void springKafkaDeadLettersEveryDeserializationFailureByDefault() {
		ClassifyingHandler handler = new ClassifyingHandler();
		assertThat(handler.retries(this.registryDown)).isFalse();
		assertThat(handler.retries(this.poisonPill)).isFalse();
	}

	@Test
	void configuredHandlerRetriesTransientDeserializationFailuresOnly() {
		ClassifyingHandler handler = new ClassifyingHandler();
		TransientFailures.retryTransientDeserializationFailures(handler);

		assertThat(handler.retries(this.registryDown)).isTrue();
		assertThat(handler.retries(this.poisonPill)).isFalse();
		assertThat(handler.retries(failedListener(new IllegalStateException("a handler bug")))).isTrue();
	}

	private static Exception failedListener(Exception cause) {
		return new ListenerExecutionFailedException("Listener failed", cause);
	}

	private static final class ClassifyingHandler extends DefaultErrorHandler {

		boolean retries(Exception failure) {
			return getExceptionMatcher().match(failure);
		}

	}

}
