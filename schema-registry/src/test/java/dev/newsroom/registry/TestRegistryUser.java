package dev.newsroom.registry;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The registry user of this module's integration tests, with a password made up anew in
 * every test JVM. Only its hash is configured, as in production.
 */
final class TestRegistryUser {

	static final String NAME = "registry-it";

	static final String PASSWORD = randomPassword();

	/** The property that configures the user, for {@code @DynamicPropertySource}. */
	static final String PROPERTY = "newsroom.registry.auth.users." + NAME;

	/** The user's password hash, the value of {@link #PROPERTY}. */
	static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);

	private TestRegistryUser() {
	}

	/**
	 * @return {@link #PROPERTY}{@code =}{@link #HASH}, for
	 * {@code SchemaRegistryApplication.builder().properties(...)}
	 */
	static String property() {
		return PROPERTY + "=" + HASH;
	}

	/**
	 * Sends the user's credentials.
	 * @param headers the headers of a request
	 */
	static void authenticate(HttpHeaders headers) {
		headers.setBasicAuth(NAME, PASSWORD);
	}

	static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
