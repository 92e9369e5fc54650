package dev.newsroom.registry.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user name and password pairs whose bcrypt check succeeded recently. bcrypt is slow
 * on purpose (tens of milliseconds at cost 10), and the services send their credentials
 * with every request, so a pair is checked once and then remembered for a while. Only a
 * SHA-256 digest of the pair is kept, never the password; the oldest entries make room
 * when the cache is full.
 */
final class VerifiedCredentials {

	private final Duration ttl;

	private final int maxSize;

	private final Clock clock;

	/** Digest to expiry, oldest first: every entry lives for the same time. */
	private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

	VerifiedCredentials(Duration ttl, int maxSize, Clock clock) {
		this.ttl = ttl;
		this.maxSize = maxSize;
		this.clock = clock;
	}

	/**
	 * @param user the user name
	 * @param password the password sent
	 * @return whether this exact pair passed the check within the time to live
	 */
	synchronized boolean contains(String user, String password) {
		String key = digest(user, password);
		Instant expiry = this.expiries.get(key);
		if (expiry == null) {
			return false;
		}
		if (!this.clock.instant().isBefore(expiry)) {
			this.expiries.remove(key);
			return false;
		}
		return true;
	}

	/**
	 * Remembers a pair that passed the check.
	 * @param user the user name
	 * @param password the password that matched the user's hash
	 */
	synchronized void add(String user, String password) {
		if (this.maxSize == 0 || this.ttl.isZero()) {
			return;
		}
		Instant now = this.clock.instant();
		String key = digest(user, password);
		this.expiries.remove(key);
		this.expiries.put(key, now.plus(this.ttl));
		Iterator<Map.Entry<String, Instant>> oldestFirst = this.expiries.entrySet().iterator();
		while (oldestFirst.hasNext()) {
			Map.Entry<String, Instant> oldest = oldestFirst.next();
			if (this.expiries.size() <= this.maxSize && now.isBefore(oldest.getValue())) {
				break;
			}
			oldestFirst.remove();
		}
	}

	synchronized int size() {
		return this.expiries.size();
	}

	private static String digest(String user, String password) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			// HTTP Basic user names cannot contain ':', so the pair reads back one way
			// only.
			sha256.update(user.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) ':');
			return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This JVM has no SHA-256, which every Java runtime must provide", ex);
		}
	}

}
