package dev.newsroom.publisher.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.newsroom.publisher.security.PublisherClient.bearer;
import static dev.newsroom.publisher.security.PublisherClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publisher whose identity provider does not answer: it starts all the same, since it
 * asks the provider for keys only when a JWT comes; a JWT is then answered 503 (try
 * again), not 401, and local accounts still sign in.
 */
@PublisherWithoutBroker
class UnreachableIdentityProviderTests {

	static final TestAccounts accounts = TestAccounts.create().add("leyla", Role.EDITOR);

	/** Signs JWTs for an issuer at an address where nothing listens. */
	static final FakeIdentityProvider signer = FakeIdentityProvider.start();

	private final PublisherClient publisher;

	UnreachableIdentityProviderTests(@LocalServerPort int port) {
		this.publisher = new PublisherClient(port);
	}

	@DynamicPropertySource
	static void unreachableIssuer(DynamicPropertyRegistry registry) {
		accounts.register(registry);
		registry.add("newsroom.publisher.security.oidc.issuer", () -> "http://127.0.0.1:" + closedPort());
	}

	@AfterAll
	static void stopSigner() {
		signer.close();
	}

	@Test
	void publisherStartsAndLocalAccountsSignIn() {
		assertThat(this.publisher.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(this.publisher.get("/api/test/editor", accounts.basic("leyla")).statusCode()).isEqualTo(200);
	}

	@Test
	void jwtIsA503ProblemToTryAgain() {
		String jwt = signer.jwt(Map.of("sub", "5f1c", "roles", List.of("editor")));

		HttpResponse<String> response = this.publisher.get("/api/test/editor", bearer(jwt));

		problem(response, 503, SecurityProblems.IDENTITY_PROVIDER_UNAVAILABLE);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
