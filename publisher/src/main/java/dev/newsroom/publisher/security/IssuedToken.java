package dev.newsroom.publisher.security;

import java.time.Instant;
import java.util.Set;

/**
 * The answer to a sign-in ({@code POST /api/tokens}): a new API token, shown this once.
 * Its {@link #toString()} leaves the token out.
 *
 * @param token the token to send as {@code Authorization: Bearer <token>}
 * @param expiresAt the instant from which it is refused
 * @param name the account it signs in
 * @param roles the account's roles, for clients that show what it may do (the API checks
 * them on every request regardless)
 */
record IssuedToken(String token, Instant expiresAt, String name, Set<Role> roles) {

	@Override
	public String toString() {
		return "IssuedToken[name=" + this.name + ", roles=" + this.roles + ", expiresAt=" + this.expiresAt + "]";
	}

}
