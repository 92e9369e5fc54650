package dev.newsroom.registry.auth;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may change the registry, under {@code newsroom.registry.auth}. Every POST, PUT and
 * DELETE needs HTTP Basic credentials of one of the {@link #users}; reads are open. The
 * registry refuses to start with authentication on and no user, since then nobody could
 * register a schema.
 *
 * @param enabled whether changes need credentials; {@code false} opens every endpoint to
 * anyone who reaches the registry, and is meant for closed networks only
 * @param users user name to the bcrypt hash of the user's password, in the form of Spring
 * Security's {@code DelegatingPasswordEncoder}: {@code {bcrypt}$2a$10$...}
 * @param cacheTtl how long a successful check of a user's password is remembered, so that
 * not every request pays for bcrypt; {@code 0s} checks every request
 * @param cacheSize how many successful checks are remembered at most; {@code 0} checks
 * every request
 */
@Validated
@ConfigurationProperties(prefix = "newsroom.registry.auth")
record RegistryAuthProperties(@DefaultValue("true") boolean enabled, Map<String, String> users,
		@DefaultValue("5m") @NotNull @DurationMin(seconds = 0) Duration cacheTtl,
		@DefaultValue("1000") @Min(0) int cacheSize) {

	/**
	 * What the hash of a password looks like: bcrypt's 2a, 2b or 2y, cost, salt, hash.
	 */
	private static final Pattern BCRYPT_HASH = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");

	/** How to make a hash, for the messages of a configuration that will not do. */
	static final String HOW_TO_HASH = "Make the hash of a password with: htpasswd -bnBC 10 \"\" 'the-password' "
			+ "| tr -d ':\\n' (from apache2-utils), and put {bcrypt} before it.";

	/**
	 * Checks the users. The messages never quote a configured value: a password set by
	 * mistake in place of its hash must not end up in a log.
	 * @throws IllegalArgumentException if authentication is on and there is no user, or a
	 * user's name or hash will not do
	 */
	RegistryAuthProperties {
		users = (users != null) ? Map.copyOf(users) : Map.of();
		if (enabled && users.isEmpty()) {
			throw new IllegalArgumentException("No registry user is configured, so nobody could register or delete "
					+ "a schema. Configure at least one as newsroom.registry.auth.users.<name>={bcrypt}<hash>, for "
					+ "example --newsroom.registry.auth.users.newsroom-services='{bcrypt}$2y$10$...' or the "
					+ "environment variable NEWSROOM_REGISTRY_AUTH_USERS_SERVICES='{bcrypt}$2y$10$...' (user "
					+ "'services'). " + HOW_TO_HASH + " Only on a closed network, "
					+ "newsroom.registry.auth.enabled=false turns authentication off instead.");
		}
		users.forEach((name, hash) -> {
			if (name.isBlank() || name.contains(":")) {
				throw new IllegalArgumentException("Registry user '" + name + "' in newsroom.registry.auth.users "
						+ "cannot log in with HTTP Basic: a user name must not be blank or contain ':'. Rename it.");
			}
			if (!BCRYPT_HASH.matcher(hash).matches()) {
				throw new IllegalArgumentException("newsroom.registry.auth.users." + name + " is not the bcrypt hash "
						+ "of a password in the form {bcrypt}$2a$10$ followed by 53 characters. Configure the hash, "
						+ "never the password itself. " + HOW_TO_HASH);
			}
		});
	}

}
