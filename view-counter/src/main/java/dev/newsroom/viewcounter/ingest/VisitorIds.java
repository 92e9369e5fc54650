package dev.newsroom.viewcounter.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Who a beacon's visitor is, without storing anything that identifies a person. A visitor
 * with the first-party cookie is its value. Without one, the visitor is a hash of the IP
 * address, the User-Agent and the site, keyed with a salt that changes every UTC day, as
 * Plausible does: the same browser is the same visitor for a day, and the hash cannot be
 * turned back into an address. The day's salt is derived in memory from the service's
 * secret and the date, so that every instance hashes alike; it is never written anywhere,
 * and neither are the address and the User-Agent.
 */
final class VisitorIds {

	private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

	private static final String HMAC = "HmacSHA256";

	private final byte[] secret;

	private final String site;

	private final Clock clock;

	private @Nullable LocalDate saltDay;

	private @Nullable SecretKeySpec salt;

	/**
	 * @param secret the service's secret, the same on every instance; empty for a random
	 * one of this process
	 * @param site the site the views are of
	 * @param clock the clock that says which day's salt applies
	 */
	VisitorIds(String secret, String site, Clock clock) {
		this.secret = secret.isEmpty() ? randomSecret() : secret.getBytes(StandardCharsets.UTF_8);
		this.site = site;
		this.clock = clock;
	}

	/**
	 * @param cookie the visitor cookie's value, if any
	 * @return whether it is a visitor id this service could have set
	 */
	static boolean isVisitorId(@Nullable String cookie) {
		return cookie != null && COOKIE_VALUE.matcher(cookie).matches();
	}

	/**
	 * The visitor id of a beacon without a valid cookie.
	 * @param address the client's IP address, as the proxies in front report it
	 * @param userAgent the User-Agent, or empty
	 * @return 22 URL-safe characters (128 bits of the day's hash)
	 */
	String hash(String address, String userAgent) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(todaysSalt());
			byte[] digest = mac
				.doFinal((address + '\n' + userAgent + '\n' + this.site).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK has no " + HMAC + ", which every JDK must have", ex);
		}
	}

	private synchronized SecretKeySpec todaysSalt() throws GeneralSecurityException {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		if (!today.equals(this.saltDay) || this.salt == null) {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(this.secret, HMAC));
			this.salt = new SecretKeySpec(mac.doFinal(("visitor-salt:" + today).getBytes(StandardCharsets.UTF_8)),
					HMAC);
			this.saltDay = today;
		}
		return this.salt;
	}

	private static byte[] randomSecret() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return secret;
	}

}
