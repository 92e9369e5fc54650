package dev.newsroom.registry.store;

import java.time.Duration;
import java.util.Map;

import dev.newsroom.registry.RegistryException;
import dev.newsroom.registry.RegistryException.Reason;
import dev.newsroom.registry.compatibility.CompatibilityLevel;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Until the reader has read the topic to its end, health is DOWN and the store refuses
 * every operation rather than answer from a partial state.
 */
class StoreReadinessTests {

	private final StoreReader reader = new StoreReader(new StoreTopic("_schemas", 1, Map.of(), Duration.ofSeconds(1)),
			() -> {
				throw new IllegalStateException("not started in this test");
			}, new RegistryState());

	@Test
	void healthIsDownBeforeTheInitialRead() {
		Health health = new StoreHealthIndicator(this.reader).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("topic", "_schemas").containsEntry("startupEndOffset", -1L);
	}

	@Test
	void theStoreRefusesToServeBeforeTheInitialRead() {
		SchemaStore store = new SchemaStore(new RegistryState(), this.reader, null, CompatibilityLevel.BACKWARD,
				Duration.ofSeconds(1));
		assertThat(store.isReady()).isFalse();
		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> store.subjects(false))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.STORE_NOT_READY))
			.withMessageContaining("_schemas");
	}

	@Test
	void waitingForTheInitialReadFailsWithAMessageThatSaysWhatToCheck() {
		assertThatIllegalStateException().isThrownBy(() -> this.reader.awaitCaughtUp(Duration.ofMillis(50)))
			.withMessageContaining("spring.kafka.bootstrap-servers")
			.withMessageContaining("newsroom.registry.initial-read-timeout");
	}

}
