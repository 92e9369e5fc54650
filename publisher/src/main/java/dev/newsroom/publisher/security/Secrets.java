package dev.newsroom.publisher.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generated passwords and API tokens, and the hash under which a token is kept. Both are
 * URL-safe Base64 of {@link SecureRandom} bytes; tokens carry the prefix
 * {@value #TOKEN_PREFIX} so that they can be told from JWTs and recognised by secret
 * scanners.
 */
final class Secrets {

	static final String TOKEN_PREFIX = "nr_";

	private static final SecureRandom random = new SecureRandom();

	private static final Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();

	private Secrets() {
	}

	/**
	 * A new password of 24 characters (144 random bits).
	 * @return the password
	 */
	static String newPassword() {
		return randomText(18);
	}

	/**
	 * A new API token: the prefix and 256 random bits.
	 * @return the token
	 */
	static String newToken() {
		return TOKEN_PREFIX + randomText(32);
	}

	static boolean isToken(String bearer) {
		return bearer.startsWith(TOKEN_PREFIX);
	}

	/**
	 * The hash under which a token is stored and looked up. A fast hash suffices: the
	 * token has 256 random bits, so there is nothing to guess.
	 * @param token the token
	 * @return its SHA-256 hash in URL-safe Base64
	 */
	static String hash(String token) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return base64.encodeToString(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This JVM has no SHA-256, which every Java platform must provide", ex);
		}
	}

	private static String randomText(int bytes) {
		byte[] secret = new byte[bytes];
		random.nextBytes(secret);
		return base64.encodeToString(secret);
	}

}
