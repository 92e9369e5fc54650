package dev.newsroom.registry.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A successful check is remembered for the exact pair, for a limited time, and for a
 * limited number of pairs.
 */
class VerifiedCredentialsTests {

	private final MutableClock clock = new MutableClock();

	private final VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(5), 2, this.clock);

	@Test
	void aVerifiedPairIsRememberedForThatUserAndPasswordOnly() {
		this.verified.add("services", "secret-1");
		assertThat(this.verified.contains("services", "secret-1")).isTrue();
		assertThat(this.verified.contains("services", "secret-2")).isFalse();
		assertThat(this.verified.contains("other", "secret-1")).isFalse();
		assertThat(this.verified.contains("services:secret-1", "")).as("the pair, not the concatenation").isFalse();
	}

	@Test
	void aVerifiedPairIsForgottenAfterTheTimeToLive() {
		this.verified.add("services", "secret-1");
		this.clock.advance(Duration.ofMinutes(5).minusMillis(1));
		assertThat(this.verified.contains("services", "secret-1")).isTrue();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.verified.contains("services", "secret-1")).isFalse();
		assertThat(this.verified.size()).isZero();
	}

	@Test
	void theOldestPairMakesRoomWhenTheCacheIsFull() {
		this.verified.add("a", "1");
		this.clock.advance(Duration.ofSeconds(1));
		this.verified.add("b", "2");
		this.clock.advance(Duration.ofSeconds(1));
		this.verified.add("c", "3");
		assertThat(this.verified.size()).isEqualTo(2);
		assertThat(this.verified.contains("a", "1")).isFalse();
		assertThat(this.verified.contains("b", "2")).isTrue();
		assertThat(this.verified.contains("c", "3")).isTrue();
	}

	@Test
	void expiredPairsAreDroppedWhenAPairIsAdded() {
		this.verified.add("a", "1");
		this.clock.advance(Duration.ofMinutes(6));
		this.verified.add("b", "2");
		assertThat(this.verified.size()).isEqualTo(1);
	}

	@Test
	void aCacheOfSizeZeroOrWithoutTimeToLiveRemembersNothing() {
		VerifiedCredentials noRoom = new VerifiedCredentials(Duration.ofMinutes(5), 0, this.clock);
		VerifiedCredentials noTime = new VerifiedCredentials(Duration.ZERO, 10, this.clock);
		noRoom.add("services", "secret-1");
		noTime.add("services", "secret-1");
		assertThat(noRoom.contains("services", "secret-1")).isFalse();
		assertThat(noTime.contains("services", "secret-1")).isFalse();
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			throw new UnsupportedOperationException("Not needed in these tests");
		}

	}

}
