package dev.newsroom.publisher.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect identity provider as far as a resource server sees one: a discovery
 * document and a JWK set on the loopback interface, and JWTs signed with its key (or, to
 * be refused, with another key of the same id).
 */
final class FakeIdentityProvider implements AutoCloseable {

	private static final String KEY_ID = "newsroom-test";

	private final RSAKey key = rsaKey();

	private final HttpServer server;

	private FakeIdentityProvider() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/.well-known/openid-configuration", (exchange) -> {
			respond(exchange, """
					{"issuer":"%1$s","jwks_uri":"%1$s/jwks","id_token_signing_alg_values_supported":["RS256"],
					 "response_types_supported":["code"],"subject_types_supported":["public"]}
					""".formatted(issuer()));
		});
		this.server.createContext("/jwks",
				(exchange) -> respond(exchange, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.start();
	}

	static FakeIdentityProvider start() {
		try {
			return new FakeIdentityProvider();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the fake identity provider", ex);
		}
	}

	String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * A JWT of this provider, valid for five minutes.
	 * @param claims the claims besides {@code iss}, {@code iat} and {@code exp}
	 * @return the serialized JWT
	 */
	String jwt(Map<String, Object> claims) {
		return sign(this.key, claims, Instant.now().plus(Duration.ofMinutes(5)));
	}

	String expiredJwt(Map<String, Object> claims) {
		return sign(this.key, claims, Instant.now().minus(Duration.ofHours(1)));
	}

	/**
	 * A JWT that looks like this provider's but is signed with another key.
	 * @param claims the claims
	 * @return the serialized JWT
	 */
	String jwtSignedByAnotherKey(Map<String, Object> claims) {
		return sign(rsaKey(), claims, Instant.now().plus(Duration.ofMinutes(5)));
	}

	private String sign(RSAKey signingKey, Map<String, Object> claims, Instant expiresAt) {
		JWTClaimsSet.Builder body = new JWTClaimsSet.Builder().issuer(issuer())
			.issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(5))))
			.expirationTime(Date.from(expiresAt));
		claims.forEach(body::claim);
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).type(JOSEObjectType.JWT).build(), body.build());
		try {
			jwt.sign(new RSASSASigner(signingKey));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a test JWT", ex);
		}
		return jwt.serialize();
	}

	private static RSAKey rsaKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(KEY_ID)
				.algorithm(JWSAlgorithm.RS256)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate a test key", ex);
		}
	}

	private static void respond(HttpExchange exchange, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
