package dev.newsroom.publisher.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.newsroom.publisher.security.PublisherClient.bearer;
import static dev.newsroom.publisher.security.PublisherClient.challenges;
import static dev.newsroom.publisher.security.PublisherClient.json;
import static dev.newsroom.publisher.security.PublisherClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publisher with local accounts only: a bearer token that is not its own is refused,
 * and no password or token, right or wrong, reaches its logs or its metrics.
 */
@PublisherWithoutBroker
@ExtendWith(OutputCaptureExtension.class)
class SignInWithoutIdentityProviderTests {

	static final TestAccounts accounts = TestAccounts.create().add("admin", Role.ADMIN).add("omar", Role.WRITER);

	private final PublisherClient publisher;

	SignInWithoutIdentityProviderTests(@LocalServerPort int port) {
		this.publisher = new PublisherClient(port);
	}

	@DynamicPropertySource
	static void accounts(DynamicPropertyRegistry registry) {
		accounts.register(registry);
	}

	@Test
	void bearerTokenOtherThanThePublishersIsA401() {
		try (FakeIdentityProvider identityProvider = FakeIdentityProvider.start()) {
			String jwt = identityProvider.jwt(Map.of("sub", "5f1c", "roles", List.of("admin")));

			HttpResponse<String> response = this.publisher.get("/api/test/editor", bearer(jwt));

			problem(response, 401, SecurityProblems.UNAUTHENTICATED);
			assertThat(challenges(response)).singleElement()
				.satisfies((challenge) -> assertThat(challenge).contains("error=\"invalid_token\""));
		}
	}

	@Test
	void passwordsAndTokensStayOutOfLogsAndMetrics(CapturedOutput output) {
		List<String> secrets = new ArrayList<>(List.of(accounts.password("admin"), accounts.password("omar")));
		String wrongPassword = Secrets.newPassword();
		String forgedToken = Secrets.newToken();
		String tooShortPassword = "Sh0rt" + Secrets.newPassword().substring(0, 5);
		String newPassword = Secrets.newPassword();
		secrets.addAll(List.of(wrongPassword, forgedToken, tooShortPassword, newPassword));

		assertThat(this.publisher.get("/api/test/editor", TestAccounts.basic("omar", wrongPassword)).statusCode())
			.isEqualTo(401);
		assertThat(this.publisher.get("/api/test/editor", TestAccounts.basic("nobody", wrongPassword)).statusCode())
			.isEqualTo(401);
		assertThat(this.publisher.get("/api/test/editor", bearer(forgedToken)).statusCode()).isEqualTo(401);
		assertThat(this.publisher.get("/api/test/editor", "Bearer " + wrongPassword).statusCode()).isEqualTo(401);
		String token = this.publisher.signIn(accounts.basic("omar"));
		secrets.add(token);
		assertThat(this.publisher.get("/api/test/editor", bearer(token)).statusCode()).isEqualTo(200);
		assertThat(this.publisher
			.send("PUT", "/api/accounts/omar/password", accounts.basic("omar"),
					"{\"password\":\"" + tooShortPassword + "\"}")
			.statusCode()).isEqualTo(400);
		HttpResponse<String> created = this.publisher.send("POST", "/api/accounts", accounts.basic("admin"),
				"{\"name\":\"nigar\",\"roles\":[\"WRITER\"]}");
		secrets.add(json(created).path("password").asString());
		assertThat(this.publisher
			.send("PUT", "/api/accounts/nigar/password", accounts.basic("admin"),
					"{\"password\":\"" + newPassword + "\"}")
			.statusCode()).isEqualTo(204);
		assertThat(this.publisher.send("DELETE", "/api/tokens/current", bearer(token), null).statusCode())
			.isEqualTo(204);
		assertThat(this.publisher.get("/api/test/editor", bearer(token)).statusCode()).isEqualTo(401);

		String metrics = allMetrics();
		assertThat(metrics).contains("http.server.requests", "/api/test/editor");
		assertThat(secrets).allSatisfy((secret) -> {
			assertThat(secret).hasSizeGreaterThanOrEqualTo(10);
			assertThat(output.getAll()).doesNotContain(secret);
			assertThat(metrics).doesNotContain(secret);
		});
		assertThat(output.getAll()).contains("Sign-in refused for account 'omar': wrong password");
	}

	private String allMetrics() {
		String admin = accounts.basic("admin");
		StringBuilder all = new StringBuilder();
		JsonNode names = json(this.publisher.get("/actuator/metrics", admin)).path("names");
		assertThat(names.values()).isNotEmpty();
		for (JsonNode name : names) {
			HttpResponse<String> metric = this.publisher.get("/actuator/metrics/" + name.asString(), admin);
			assertThat(metric.statusCode()).isEqualTo(200);
			all.append(metric.body()).append('\n');
		}
		return all.toString();
	}

}
