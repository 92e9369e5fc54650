package dev.newsroom.publisher.security;

import java.time.Instant;

/**
 * The answer to a sign-in ({@code POST /api/tokens}): a new API token, shown this once.
 * Its {@link #toString()} leaves the token out.
 *
 * @param token the token to send as {@code Authorization: Bearer <token>}
 * @param expiresAt the instant from which it is refused
 * @param name the account it signs in
 */
record IssuedToken(String token, Instant expiresAt, String name) {

	@Override
	public String toString() {
		return "IssuedToken[name=" + this.name + ", expiresAt=" + this.expiresAt + "]";
	}

}
