package dev.newsroom.publisher.security;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token as the publisher keeps it: only its SHA-256 hash, whose account it signs
 * in, and until when. The token itself is shown once, to whoever signed in.
 *
 * @param hash the URL-safe Base64 SHA-256 hash of the token
 * @param account the name of the account it signs in
 * @param expiresAt the instant from which it is refused
 */
record StoredToken(String hash, String account, Instant expiresAt) {

	StoredToken {
		Objects.requireNonNull(hash, "hash");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	boolean validAt(Instant now) {
		return now.isBefore(this.expiresAt);
	}

}
