package dev.newsroom.registry.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Credentials are checked against the users' hashes with bcrypt once, and then from
 * memory until the check expires; refused credentials are never remembered.
 */
class RegistryUsersTests {

	private final CountingEncoder encoder = new CountingEncoder();

	private final VerifiedCredentialsTests.MutableClock clock = new VerifiedCredentialsTests.MutableClock();

	private final RegistryUsers users = new RegistryUsers(Map.of("services", this.encoder.encode("right-password")),
			this.encoder, new VerifiedCredentials(Duration.ofMinutes(5), 100, this.clock));

	@Test
	void theRightPasswordAuthenticatesTheUserWithoutKeepingThePassword() {
		Authentication authenticated = this.users.authenticate(credentials("services", "right-password"));
		assertThat(authenticated.isAuthenticated()).isTrue();
		assertThat(authenticated.getName()).isEqualTo("services");
		assertThat(authenticated.getCredentials()).isNull();
	}

	@Test
	void aSuccessfulCheckIsRememberedSoBcryptRunsOncePerPairUntilItExpires() {
		this.encoder.checks.set(0);
		this.users.authenticate(credentials("services", "right-password"));
		this.users.authenticate(credentials("services", "right-password"));
		this.users.authenticate(credentials("services", "right-password"));
		assertThat(this.encoder.checks).hasValue(1);

		this.clock.advance(Duration.ofMinutes(5));
		this.users.authenticate(credentials("services", "right-password"));
		assertThat(this.encoder.checks).hasValue(2);
	}

	@Test
	void aWrongPasswordIsRefusedEveryTimeWithBcrypt() {
		this.encoder.checks.set(0);
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> this.users.authenticate(credentials("services", "wrong-password")));
		}
		assertThat(this.encoder.checks).hasValue(2);
	}

	@Test
	void anUnknownUserIsRefusedAfterABcryptCheckAsLongAsAKnownOne() {
		this.encoder.checks.set(0);
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.users.authenticate(credentials("intruder", "right-password")))
			.withMessage("Unknown user or wrong password");
		assertThat(this.encoder.checks).hasValue(1);
	}

	private static Authentication credentials(String user, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
	}

	/** The registry's encoder, at bcrypt's lowest cost, counting its checks. */
	private static final class CountingEncoder implements PasswordEncoder {

		private final PasswordEncoder bcrypt = new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(4)));

		private final AtomicInteger checks = new AtomicInteger();

		@Override
		public String encode(CharSequence rawPassword) {
			return this.bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.checks.incrementAndGet();
			return this.bcrypt.matches(rawPassword, encodedPassword);
		}

	}

}
