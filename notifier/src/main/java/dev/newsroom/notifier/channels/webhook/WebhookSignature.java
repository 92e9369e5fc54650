package dev.newsroom.notifier.channels.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook as the Standard Webhooks spec says: HMAC-SHA256 with the secret's bytes
 * (the base64 after {@code whsec_}) over {@code <id>.<timestamp>.<body>}, sent as
 * {@code v1,<base64 signature>}.
 */
final class WebhookSignature {

	private static final String PREFIX = "whsec_";

	private final byte[] key;

	WebhookSignature(String secret) {
		if (!secret.startsWith(PREFIX)) {
			throw new IllegalArgumentException("A webhook secret starts with whsec_");
		}
		this.key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
	}

	/**
	 * @param id the {@code webhook-id}
	 * @param timestamp the {@code webhook-timestamp}, in epoch seconds
	 * @param body the exact body sent
	 * @return the {@code webhook-signature} header's value
	 */
	String sign(String id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

}
