package dev.newsroom.publisher.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.newsroom.publisher.security.PublisherClient.bearer;
import static dev.newsroom.publisher.security.PublisherClient.challenges;
import static dev.newsroom.publisher.security.PublisherClient.json;
import static dev.newsroom.publisher.security.PublisherClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Signing in to the publisher with a password, an API token or a JWT of the identity
 * provider, and what each may reach; the {@link Editor} a controller then receives.
 */
@PublisherWithoutBroker
class SignInTests {

	static final TestAccounts accounts = TestAccounts.create()
		.add("admin", Role.ADMIN)
		.add("leyla", Role.EDITOR)
		.add("omar", Role.WRITER);

	static final FakeIdentityProvider identityProvider = FakeIdentityProvider.start();

	private final PublisherClient publisher;

	private final AdjustableClock clock;

	@Autowired
	SignInTests(@LocalServerPort int port, AdjustableClock clock) {
		this.publisher = new PublisherClient(port);
		this.clock = clock;
	}

	@DynamicPropertySource
	static void signIn(DynamicPropertyRegistry registry) {
		accounts.register(registry);
		registry.add("newsroom.publisher.security.oidc.issuer", identityProvider::issuer);
		registry.add("newsroom.publisher.security.oidc.roles-claim", () -> "realm_access.roles");
	}

	@AfterAll
	static void stopIdentityProvider() {
		identityProvider.close();
	}

	@Test
	void requestWithoutCredentialsIsA401ProblemWithBasicAndBearerChallenges() {
		HttpResponse<String> response = this.publisher.get("/api/test/editor", null);

		problem(response, 401, SecurityProblems.UNAUTHENTICATED);
		assertThat(challenges(response)).contains("Basic realm=\"newsroom\"")
			.anySatisfy((challenge) -> assertThat(challenge).startsWith("Bearer"));
	}

	@Test
	void passwordSignsInAndTheControllerGetsTheAccountAsEditor() {
		HttpResponse<String> response = this.publisher.get("/api/test/editor", accounts.basic("leyla"));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode editor = json(response);
		assertThat(editor.path("name").asString()).isEqualTo("leyla");
		assertThat(editor.path("roles").values()).map(JsonNode::asString).containsExactly("EDITOR");
		assertThat(editor.path("mayPublish").asBoolean()).isTrue();
	}

	@Test
	void wrongPasswordIsA401() {
		HttpResponse<String> response = this.publisher.get("/api/test/editor",
				TestAccounts.basic("leyla", accounts.password("omar")));

		JsonNode problem = problem(response, 401, SecurityProblems.UNAUTHENTICATED);
		assertThat(problem.path("detail").asString()).contains("name or password is wrong");
		assertThat(challenges(response)).contains("Basic realm=\"newsroom\"");
	}

	@Test
	void unknownAccountIsA401() {
		HttpResponse<String> response = this.publisher.get("/api/test/editor",
				TestAccounts.basic("nobody", accounts.password("omar")));

		problem(response, 401, SecurityProblems.UNAUTHENTICATED);
	}

	@Test
	void signInGivesATokenThatSignsInAsTheAccountUntilItExpires() {
		Instant before = this.clock.instant();
		HttpResponse<String> signIn = this.publisher.send("POST", "/api/tokens", accounts.basic("omar"), null);

		assertThat(signIn.statusCode()).isEqualTo(201);
		JsonNode issued = json(signIn);
		String token = issued.path("token").asString();
		assertThat(token).startsWith("nr_").hasSizeGreaterThan(40);
		assertThat(issued.path("name").asString()).isEqualTo("omar");
		assertThat(issued.path("roles").valueStream().map(JsonNode::asString)).containsExactly("WRITER");
		assertThat(Instant.parse(issued.path("expiresAt").asString())).isCloseTo(before.plus(Duration.ofHours(12)),
				within(Duration.ofMinutes(1)));

		HttpResponse<String> response = this.publisher.get("/api/test/editor", bearer(token));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("name").asString()).isEqualTo("omar");
		assertThat(json(response).path("mayPublish").asBoolean()).isFalse();
	}

	@Test
	void expiredTokenIsA401() {
		String token = this.publisher.signIn(accounts.basic("omar"));
		assertThat(this.publisher.get("/api/test/editor", bearer(token)).statusCode()).isEqualTo(200);

		this.clock.advance(Duration.ofHours(12));

		HttpResponse<String> response = this.publisher.get("/api/test/editor", bearer(token));
		problem(response, 401, SecurityProblems.UNAUTHENTICATED);
		assertThat(challenges(response)).singleElement()
			.satisfies((challenge) -> assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
	}

	@Test
	void forgedTokenIsA401WithTheBearerChallengeOnly() {
		HttpResponse<String> response = this.publisher.get("/api/test/editor", bearer(Secrets.newToken()));

		JsonNode problem = problem(response, 401, SecurityProblems.UNAUTHENTICATED);
		assertThat(problem.path("detail").asString()).contains("bearer token was refused");
		assertThat(challenges(response)).singleElement()
			.satisfies((challenge) -> assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
	}

	@Test
	void revokedTokenIsA401() {
		String token = this.publisher.signIn(accounts.basic("leyla"));

		assertThat(this.publisher.send("DELETE", "/api/tokens/current", bearer(token), null).statusCode())
			.isEqualTo(204);

		problem(this.publisher.get("/api/test/editor", bearer(token)), 401, SecurityProblems.UNAUTHENTICATED);
	}

	@Test
	void signOutWithoutATokenIsA400Problem() {
		problem(this.publisher.send("DELETE", "/api/tokens/current", accounts.basic("leyla"), null), 400,
				TokenController.NO_TOKEN);
	}

	@Test
	void aTokenDoesNotBuyAnother() {
		String token = this.publisher.signIn(accounts.basic("leyla"));

		problem(this.publisher.send("POST", "/api/tokens", bearer(token), null), 403, SecurityProblems.FORBIDDEN);
	}

	@Test
	void writerOnAccountManagementIsA403ProblemNamingTheRoleNeeded() {
		HttpResponse<String> response = this.publisher.get("/api/accounts", accounts.basic("omar"));

		JsonNode problem = problem(response, 403, SecurityProblems.FORBIDDEN);
		assertThat(problem.path("requiredRole").asString()).isEqualTo("ADMIN");
		assertThat(problem.path("detail").asString()).contains("GET /api/accounts needs the role ADMIN")
			.contains("omar has WRITER");
	}

	@Test
	void actuatorBeyondHealthAndInfoIsForAdmins() {
		// Without a broker the catalogue cannot be replayed, so overall health is DOWN
		// (503),
		// but open to anyone.
		assertThat(this.publisher.get("/actuator/health", null).statusCode()).isEqualTo(503);
		assertThat(this.publisher.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		problem(this.publisher.get("/actuator/metrics", null), 401, SecurityProblems.UNAUTHENTICATED);
		JsonNode problem = problem(this.publisher.get("/actuator/metrics", accounts.basic("leyla")), 403,
				SecurityProblems.FORBIDDEN);
		assertThat(problem.path("requiredRole").asString()).isEqualTo("ADMIN");
		assertThat(this.publisher.get("/actuator/metrics", accounts.basic("admin")).statusCode()).isEqualTo(200);
	}

	@Test
	void adminHasTheRolesBelowIt() {
		HttpResponse<String> response = this.publisher.get("/api/test/editor", accounts.basic("admin"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("roles").values()).map(JsonNode::asString).containsExactly("ADMIN");
		assertThat(json(response).path("mayPublish").asBoolean()).isTrue();
	}

	@Test
	void pathsNoRuleCoversAreRefusedEvenToAdmins() {
		problem(this.publisher.get("/elsewhere", null), 401, SecurityProblems.UNAUTHENTICATED);
		JsonNode problem = problem(this.publisher.get("/elsewhere", accounts.basic("admin")), 403,
				SecurityProblems.FORBIDDEN);
		assertThat(problem.has("requiredRole")).isFalse();
	}

	@Test
	void roleRequiredByTheDomainIsA403ProblemNamingIt() {
		JsonNode problem = problem(this.publisher.send("POST", "/api/test/publishing", accounts.basic("omar"), null),
				403, SecurityProblems.FORBIDDEN);
		assertThat(problem.path("requiredRole").asString()).isEqualTo("EDITOR");
		assertThat(problem.path("detail").asString()).contains("needs the role EDITOR").contains("omar has WRITER");

		assertThat(this.publisher.send("POST", "/api/test/publishing", accounts.basic("leyla"), null).statusCode())
			.isEqualTo(200);
	}

	@Test
	void jwtWithRolesInANestedClaimSignsInUnderItsPreferredUsername() {
		String jwt = identityProvider.jwt(Map.of("sub", "5f1c", "preferred_username", "aysel", "realm_access",
				Map.of("roles", List.of("Editor", "offline_access"))));

		HttpResponse<String> response = this.publisher.get("/api/test/editor", bearer(jwt));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json(response).path("name").asString()).isEqualTo("aysel");
		assertThat(json(response).path("roles").values()).map(JsonNode::asString).containsExactly("EDITOR");
	}

	@Test
	void jwtWithoutTheNameClaimIsNamedBySubject() {
		String jwt = identityProvider.jwt(Map.of("sub", "5f1c", "realm_access", Map.of("roles", List.of("writer"))));

		HttpResponse<String> response = this.publisher.get("/api/test/editor", bearer(jwt));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json(response).path("name").asString()).isEqualTo("5f1c");
	}

	@Test
	void jwtSignedByAnotherKeyIsA401() {
		String jwt = identityProvider
			.jwtSignedByAnotherKey(Map.of("sub", "5f1c", "realm_access", Map.of("roles", List.of("admin"))));

		HttpResponse<String> response = this.publisher.get("/api/test/editor", bearer(jwt));

		problem(response, 401, SecurityProblems.UNAUTHENTICATED);
		assertThat(challenges(response)).singleElement()
			.satisfies((challenge) -> assertThat(challenge).contains("error=\"invalid_token\""));
	}

	@Test
	void expiredJwtIsA401() {
		String jwt = identityProvider
			.expiredJwt(Map.of("sub", "5f1c", "realm_access", Map.of("roles", List.of("editor"))));

		problem(this.publisher.get("/api/test/editor", bearer(jwt)), 401, SecurityProblems.UNAUTHENTICATED);
	}

	@Test
	void jwtWithoutNewsroomRolesIsA403() {
		String jwt = identityProvider.jwt(Map.of("sub", "5f1c", "realm_access", Map.of("roles", List.of("viewer"))));

		JsonNode problem = problem(this.publisher.get("/api/test/editor", bearer(jwt)), 403,
				SecurityProblems.FORBIDDEN);
		assertThat(problem.path("requiredRole").asString()).isEqualTo("WRITER");
		assertThat(problem.path("detail").asString()).contains("5f1c has no role");
	}

	@Test
	void protectedResourceMetadataNamesTheIdentityProvider() {
		HttpResponse<String> response = this.publisher.get("/.well-known/oauth-protected-resource", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("authorization_servers").values()).map(JsonNode::asString)
			.containsExactly(identityProvider.issuer());
		assertThat(json(response).path("tls_client_certificate_bound_access_tokens").asBoolean()).isFalse();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		AdjustableClock adjustableClock() {
			return new AdjustableClock();
		}

	}

}
