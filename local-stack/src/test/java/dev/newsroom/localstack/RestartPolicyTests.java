package dev.newsroom.localstack;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RestartPolicyTests {

	private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	@Test
	void backoffDoublesFromTheFirstWaitUpToTheLongest() {
		RestartPolicy policy = new RestartPolicy(10, Duration.ofMinutes(5), Duration.ofSeconds(1),
				Duration.ofSeconds(5));
		RestartPolicy.CrashHistory history = policy.newHistory();

		assertThat(history.crashed(T0).backoff()).isEqualTo(Duration.ofSeconds(1));
		assertThat(history.crashed(T0.plusSeconds(2)).backoff()).isEqualTo(Duration.ofSeconds(2));
		assertThat(history.crashed(T0.plusSeconds(5)).backoff()).isEqualTo(Duration.ofSeconds(4));
		assertThat(history.crashed(T0.plusSeconds(10)).backoff()).isEqualTo(Duration.ofSeconds(5));
		assertThat(history.crashed(T0.plusSeconds(20)).backoff()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void theFifthCrashWithinFiveMinutesGivesUp() {
		RestartPolicy.CrashHistory history = RestartPolicy.DEFAULT.newHistory();
		for (int crash = 1; crash <= 4; crash++) {
			RestartPolicy.Decision decision = history.crashed(T0.plusSeconds(crash * 60L));
			assertThat(decision.giveUp()).as("crash %d", crash).isFalse();
			assertThat(decision.crashesInWindow()).isEqualTo(crash);
		}

		RestartPolicy.Decision fifth = history.crashed(T0.plusSeconds(299));

		assertThat(fifth.giveUp()).isTrue();
		assertThat(fifth.crashesInWindow()).isEqualTo(5);
	}

	@Test
	void crashesOlderThanTheWindowNoLongerCount() {
		RestartPolicy.CrashHistory history = RestartPolicy.DEFAULT.newHistory();
		for (int crash = 0; crash < 4; crash++) {
			history.crashed(T0.plusSeconds(crash));
		}

		RestartPolicy.Decision later = history.crashed(T0.plus(Duration.ofMinutes(6)));

		assertThat(later.giveUp()).isFalse();
		assertThat(later.crashesInWindow()).isEqualTo(1);
		assertThat(later.backoff()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void aPolicyThatCouldNeverRestartIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RestartPolicy(0, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(2)))
			.withMessageContaining("maxCrashes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RestartPolicy(5, Duration.ofMinutes(5), Duration.ofSeconds(3), Duration.ofSeconds(2)))
			.withMessageContaining("Backoff");
	}

}
