package dev.newsroom.notifier.channels.x;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests with OAuth 1.0a (HMAC-SHA1), as X's user-context endpoints require: the
 * signature base string is the method, the URL without its query, and every
 * {@code oauth_*}, query and form parameter, each percent-encoded per RFC 3986 and
 * sorted. A JSON body is not part of the signature.
 */
final class OAuth1Signer {

	private static final SecureRandom random = new SecureRandom();

	private final String consumerKey;

	private final String consumerSecret;

	private final String token;

	private final String tokenSecret;

	OAuth1Signer(String consumerKey, String consumerSecret, String token, String tokenSecret) {
		this.consumerKey = consumerKey;
		this.consumerSecret = consumerSecret;
		this.token = token;
		this.tokenSecret = tokenSecret;
	}

	/**
	 * @param method the HTTP method
	 * @param url the full URL, without query
	 * @param parameters the query and form parameters, not yet encoded
	 * @param timestamp the epoch second
	 * @return the {@code Authorization} header's value
	 */
	String authorization(String method, URI url, Map<String, String> parameters, long timestamp) {
		byte[] nonce = new byte[16];
		random.nextBytes(nonce);
		return authorization(method, url, parameters, timestamp, HexFormat.of().formatHex(nonce));
	}

	String authorization(String method, URI url, Map<String, String> parameters, long timestamp, String nonce) {
		Map<String, String> oauth = new TreeMap<>();
		oauth.put("oauth_consumer_key", this.consumerKey);
		oauth.put("oauth_nonce", nonce);
		oauth.put("oauth_signature_method", "HMAC-SHA1");
		oauth.put("oauth_timestamp", Long.toString(timestamp));
		oauth.put("oauth_token", this.token);
		oauth.put("oauth_version", "1.0");
		oauth.put("oauth_signature", signature(method, url, parameters, oauth));
		return "OAuth " + oauth.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=\"" + encode(entry.getValue()) + "\"")
			.collect(Collectors.joining(", "));
	}

	String signature(String method, URI url, Map<String, String> parameters, Map<String, String> oauth) {
		Map<String, String> all = new TreeMap<>();
		parameters.forEach((key, value) -> all.put(encode(key), encode(value)));
		oauth.forEach((key, value) -> all.put(encode(key), encode(value)));
		String parameterString = all.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("&"));
		String base = method.toUpperCase(java.util.Locale.ROOT) + "&" + encode(baseUrl(url)) + "&"
				+ encode(parameterString);
		String key = encode(this.consumerSecret) + "&" + encode(this.tokenSecret);
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available in this JVM", ex);
		}
	}

	private static String baseUrl(URI url) {
		String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
		String host = url.getHost().toLowerCase(java.util.Locale.ROOT);
		int port = url.getPort();
		boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443)
				|| ("http".equals(scheme) && port == 80);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port) + url.getRawPath();
	}

	/** RFC 3986 percent-encoding: everything but unreserved characters. */
	static String encode(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return encoded.toString();
	}

}
