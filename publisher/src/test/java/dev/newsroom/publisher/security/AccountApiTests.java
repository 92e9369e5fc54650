package dev.newsroom.publisher.security;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.newsroom.support.web.ProblemDetailsExceptionHandler;

import static dev.newsroom.publisher.security.PublisherClient.bearer;
import static dev.newsroom.publisher.security.PublisherClient.json;
import static dev.newsroom.publisher.security.PublisherClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account management through {@code /api/accounts}: what administrators may change, what
 * an account may change itself, and the changes refused.
 */
@PublisherWithoutBroker
class AccountApiTests {

	static final TestAccounts accounts = TestAccounts.create()
		.add("admin", Role.ADMIN)
		.add("leyla", Role.EDITOR)
		.add("omar", Role.WRITER)
		.add("rashad", Role.WRITER);

	private final PublisherClient publisher;

	AccountApiTests(@LocalServerPort int port) {
		this.publisher = new PublisherClient(port);
	}

	@DynamicPropertySource
	static void accounts(DynamicPropertyRegistry registry) {
		accounts.register(registry);
	}

	@Test
	void adminListsAccountsWithoutTheirPasswords() {
		HttpResponse<String> response = this.publisher.get("/api/accounts", accounts.basic("admin"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).values()).anySatisfy((account) -> {
			assertThat(account.path("name").asString()).isEqualTo("leyla");
			assertThat(account.path("roles").values()).map(JsonNode::asString).containsExactly("EDITOR");
		});
		assertThat(response.body()).doesNotContain("password", "$2a$");
	}

	@Test
	void createdAccountWithoutPasswordGetsAGeneratedOneShownOnce() {
		HttpResponse<String> created = create("{\"name\":\"nigar\",\"roles\":[\"WRITER\",\"EDITOR\"]}");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode account = json(created);
		assertThat(account.path("name").asString()).isEqualTo("nigar");
		assertThat(account.path("roles").values()).map(JsonNode::asString).containsExactly("WRITER", "EDITOR");
		String password = account.path("password").asString();
		assertThat(password).hasSizeGreaterThanOrEqualTo(20).matches("[A-Za-z0-9_-]+");
		HttpResponse<String> signedIn = this.publisher.get("/api/test/editor", TestAccounts.basic("nigar", password));
		assertThat(json(signedIn).path("name").asString()).isEqualTo("nigar");
		assertThat(this.publisher.get("/api/accounts", accounts.basic("admin")).body()).doesNotContain(password);
	}

	@Test
	void createdAccountWithAPasswordSignsInWithIt() {
		String password = Secrets.newPassword();
		HttpResponse<String> created = create(
				"{\"name\":\"elvin\",\"roles\":[\"WRITER\"],\"password\":\"" + password + "\"}");

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(created).has("password")).isFalse();
		assertThat(this.publisher.get("/api/test/editor", TestAccounts.basic("elvin", password)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void takenNameIsA409() {
		JsonNode problem = problem(create("{\"name\":\"leyla\",\"roles\":[\"WRITER\"]}"), 409,
				AccountChangeRefusedException.Reason.EXISTS.type());
		assertThat(problem.path("account").asString()).isEqualTo("leyla");
	}

	@Test
	void invalidAccountIsA400ProblemListingEachField() {
		HttpResponse<String> response = create("{\"name\":\"Not Valid\",\"roles\":[],\"password\":\"short\"}");

		JsonNode problem = problem(response, 400, ProblemDetailsExceptionHandler.INVALID_REQUEST);
		Set<String> fields = new TreeSet<>();
		problem.path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		assertThat(fields).containsExactly("name", "password", "roles");
	}

	@Test
	void passwordLongerThanBcryptReadsIsA400() {
		String tooLong = "ä".repeat(40);

		JsonNode problem = problem(
				create("{\"name\":\"farid\",\"roles\":[\"WRITER\"],\"password\":\"" + tooLong + "\"}"), 400,
				ProblemDetailsExceptionHandler.INVALID_REQUEST);
		assertThat(problem.path("errors").values()).singleElement()
			.satisfies((error) -> assertThat(error.path("field").asString()).isEqualTo("password"));
		problem(this.publisher.get("/api/test/editor", TestAccounts.basic("farid", tooLong)), 401,
				SecurityProblems.UNAUTHENTICATED);
	}

	@Test
	void adminChangesRolesAndTheyApplyToTokensAlreadyIssued() {
		String password = createWithPassword("sevda", Role.WRITER);
		String token = this.publisher.signIn(TestAccounts.basic("sevda", password));

		HttpResponse<String> changed = this.publisher.send("PUT", "/api/accounts/sevda/roles", accounts.basic("admin"),
				"{\"roles\":[\"EDITOR\"]}");

		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(json(changed).path("roles").values()).map(JsonNode::asString).containsExactly("EDITOR");
		assertThat(json(this.publisher.get("/api/test/editor", bearer(token))).path("mayPublish").asBoolean()).isTrue();
	}

	@Test
	void unknownAccountIsA404() {
		problem(this.publisher.send("PUT", "/api/accounts/ghost/roles", accounts.basic("admin"),
				"{\"roles\":[\"EDITOR\"]}"), 404, AccountChangeRefusedException.Reason.NOT_FOUND.type());
		problem(this.publisher.send("DELETE", "/api/accounts/ghost", accounts.basic("admin"), null), 404,
				AccountChangeRefusedException.Reason.NOT_FOUND.type());
	}

	@Test
	void lastAdminCanNeitherBeDeletedNorLoseTheRole() {
		problem(this.publisher.send("DELETE", "/api/accounts/admin", accounts.basic("admin"), null), 409,
				AccountChangeRefusedException.Reason.LAST_ADMIN.type());
		problem(this.publisher.send("PUT", "/api/accounts/admin/roles", accounts.basic("admin"),
				"{\"roles\":[\"EDITOR\"]}"), 409, AccountChangeRefusedException.Reason.LAST_ADMIN.type());

		assertThat(this.publisher.get("/api/accounts", accounts.basic("admin")).statusCode()).isEqualTo(200);
	}

	@Test
	void deletedAccountAndItsTokensNoLongerSignIn() {
		String password = createWithPassword("tural", Role.ADMIN);
		String token = this.publisher.signIn(TestAccounts.basic("tural", password));

		assertThat(this.publisher.send("DELETE", "/api/accounts/tural", accounts.basic("admin"), null).statusCode())
			.isEqualTo(204);

		problem(this.publisher.get("/api/test/editor", bearer(token)), 401, SecurityProblems.UNAUTHENTICATED);
		problem(this.publisher.get("/api/test/editor", TestAccounts.basic("tural", password)), 401,
				SecurityProblems.UNAUTHENTICATED);
	}

	@Test
	void accountChangesItsOwnPasswordSignedInWithTheCurrentOne() {
		String password = createWithPassword("kamala", Role.WRITER);
		String token = this.publisher.signIn(TestAccounts.basic("kamala", password));
		String newPassword = Secrets.newPassword();

		problem(setPassword("kamala", newPassword, bearer(token)), 403, SecurityProblems.FORBIDDEN);
		assertThat(setPassword("kamala", newPassword, TestAccounts.basic("kamala", password)).statusCode())
			.isEqualTo(204);

		problem(this.publisher.get("/api/test/editor", TestAccounts.basic("kamala", password)), 401,
				SecurityProblems.UNAUTHENTICATED);
		problem(this.publisher.get("/api/test/editor", bearer(token)), 401, SecurityProblems.UNAUTHENTICATED);
		assertThat(this.publisher.get("/api/test/editor", TestAccounts.basic("kamala", newPassword)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void nonAdminCannotSetAnotherAccountsPassword() {
		JsonNode problem = problem(setPassword("rashad", Secrets.newPassword(), accounts.basic("leyla")), 403,
				SecurityProblems.FORBIDDEN);

		assertThat(problem.path("requiredRole").asString()).isEqualTo("ADMIN");
		assertThat(this.publisher.get("/api/test/editor", accounts.basic("rashad")).statusCode()).isEqualTo(200);
	}

	@Test
	void writerCannotManageAccounts() {
		problem(create("{\"name\":\"intruder\",\"roles\":[\"ADMIN\"]}", accounts.basic("omar")), 403,
				SecurityProblems.FORBIDDEN);
		problem(this.publisher.send("DELETE", "/api/accounts/leyla", accounts.basic("omar"), null), 403,
				SecurityProblems.FORBIDDEN);
	}

	private String createWithPassword(String name, Role role) {
		String password = Secrets.newPassword();
		HttpResponse<String> created = create(
				"{\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"],\"password\":\"" + password + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return password;
	}

	private HttpResponse<String> create(String account) {
		return create(account, accounts.basic("admin"));
	}

	private HttpResponse<String> create(String account, String authorization) {
		return this.publisher.send("POST", "/api/accounts", authorization, account);
	}

	private HttpResponse<String> setPassword(String name, String password, String authorization) {
		return this.publisher.send("PUT", "/api/accounts/" + name + "/password", authorization,
				"{\"password\":\"" + password + "\"}");
	}

}
