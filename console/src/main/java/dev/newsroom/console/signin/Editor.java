package dev.newsroom.console.signin;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * An editor signed in to the console: their publisher account, its roles, and the API
 * token the console calls the services with on their behalf, kept in the session only.
 * Its {@link #toString()} leaves the token out.
 *
 * @param name the account name
 * @param token the publisher's API token
 * @param roles the account's roles: {@code WRITER}, {@code EDITOR}, {@code ADMIN}
 * @param expiresAt when the token expires, and with it this sign-in
 */
public record Editor(String name, String token, Set<String> roles, Instant expiresAt) implements Serializable {

	public Editor {
		roles = Set.copyOf(roles);
	}

	/**
	 * @return whether the account may publish, schedule, correct and retract: an editor,
	 * or an admin, whose role ranks above it as the publisher's roles do
	 */
	public boolean mayPublish() {
		return this.roles.contains("EDITOR") || this.roles.contains("ADMIN");
	}

	/**
	 * @return the {@code Authorization} header value for the services
	 */
	public String bearer() {
		return "Bearer " + this.token;
	}

	@Override
	public String toString() {
		return "Editor[name=" + this.name + ", roles=" + this.roles + ", expiresAt=" + this.expiresAt + "]";
	}

}
