package dev.newsroom.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes need a registry user's HTTP Basic credentials; reads do not. A refused change
 * is a 401 with Confluent's error body and the Basic challenge, and changes nothing.
 * Spring Security logs at DEBUG here, to show that even then no password is logged.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=schema-registry", "logging.level.org.springframework.security=DEBUG" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ExtendWith(OutputCaptureExtension.class)
class RegistryAuthenticationIT {

	private static final MediaType V1 = MediaType.parseMediaType("application/vnd.schemaregistry.v1+json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String WRONG_PASSWORD = TestRegistryUser.randomPassword();

	private final RestTestClient user;

	private final RestTestClient anonymous;

	private final RestTestClient wrongPassword;

	private final RestTestClient unknownUser;

	RegistryAuthenticationIT(@LocalServerPort int port) {
		String url = "http://localhost:" + port;
		this.user = RestTestClient.bindToServer().baseUrl(url).defaultHeaders(TestRegistryUser::authenticate).build();
		this.anonymous = RestTestClient.bindToServer().baseUrl(url).build();
		this.wrongPassword = RestTestClient.bindToServer()
			.baseUrl(url)
			.defaultHeaders((headers) -> headers.setBasicAuth(TestRegistryUser.NAME, WRONG_PASSWORD))
			.build();
		this.unknownUser = RestTestClient.bindToServer()
			.baseUrl(url)
			.defaultHeaders((headers) -> headers.setBasicAuth("intruder", TestRegistryUser.PASSWORD))
			.build();
	}

	@DynamicPropertySource
	static void registryUser(DynamicPropertyRegistry registry) {
		registry.add(TestRegistryUser.PROPERTY, () -> TestRegistryUser.HASH);
	}

	@Test
	void anonymousRegistrationIsRefusedWithConfluentsErrorBodyAndRegistersNothing() {
		String message = expectRefused(register(this.anonymous, "auth-anonymous-value"));
		assertThat(message).contains("POST /subjects/auth-anonymous-value/versions")
			.contains("send HTTP Basic credentials of a registry user; see newsroom.registry.auth.users");
		this.anonymous.get()
			.uri("/subjects/auth-anonymous-value/versions")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error_code")
			.isEqualTo(40401);

		register(this.user, "auth-anonymous-value").expectStatus().isOk().expectBody().jsonPath("$.id").isNumber();
	}

	@Test
	void anonymousDeleteOfASubjectIsRefusedAndTheSubjectStays() {
		register(this.user, "auth-delete-value").expectStatus().isOk();

		expectRefused(this.anonymous.delete().uri("/subjects/auth-delete-value").exchange());
		expectRefused(this.anonymous.delete().uri("/subjects/auth-delete-value?permanent=true").exchange());
		expectRefused(this.anonymous.delete().uri("/subjects/auth-delete-value/versions/1").exchange());
		this.anonymous.get()
			.uri("/subjects/auth-delete-value/versions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("[1]", JsonCompareMode.STRICT);

		this.user.delete()
			.uri("/subjects/auth-delete-value")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("[1]", JsonCompareMode.STRICT);
	}

	@Test
	void aWrongPasswordOrAnUnknownUserIsRefusedWithTheSameMessage() {
		String wrong = expectRefused(register(this.wrongPassword, "auth-wrong-value"));
		String unknown = expectRefused(register(this.unknownUser, "auth-wrong-value"));
		assertThat(wrong).isEqualTo(unknown)
			.contains("credentials were refused")
			.contains("send HTTP Basic credentials of a registry user; see newsroom.registry.auth.users");
		expectRefused(this.anonymous.get()
			.uri("/subjects")
			.headers((headers) -> headers.setBasicAuth(TestRegistryUser.NAME, WRONG_PASSWORD))
			.exchange());
		this.anonymous.get()
			.uri("/subjects")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((subjects) -> assertThat(subjects).doesNotContain("auth-wrong-value"));
	}

	@Test
	void changingCompatibilityLevelsNeedsCredentials() {
		expectRefused(putConfig(this.anonymous, "/config", "NONE"));
		expectRefused(this.anonymous.delete().uri("/config").exchange());
		expectRefused(putConfig(this.anonymous, "/config/auth-config-value", "FULL"));
		this.anonymous.get()
			.uri("/config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"compatibilityLevel\": \"BACKWARD\"}");

		putConfig(this.user, "/config/auth-config-value", "FULL").expectStatus()
			.isOk()
			.expectBody()
			.json("{\"compatibility\": \"FULL\"}");
		expectRefused(this.anonymous.delete().uri("/config/auth-config-value").exchange());
		this.anonymous.get()
			.uri("/config/auth-config-value")
			.exchange()
			.expectBody()
			.json("{\"compatibilityLevel\": \"FULL\"}");
	}

	@Test
	void lookupsAndCompatibilityChecksArePostsAndNeedCredentialsToo() {
		register(this.user, "auth-lookup-value").expectStatus().isOk();
		for (String path : new String[] { "/subjects/auth-lookup-value",
				"/compatibility/subjects/auth-lookup-value/versions/latest" }) {
			expectRefused(post(this.anonymous, path));
			post(this.user, path).expectStatus().isOk();
		}
	}

	@Test
	void readsAndHealthAreOpenWithoutCredentials() {
		int id = JSON
			.readTree(register(this.user, "auth-reads-value").expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody())
			.path("id")
			.intValue();
		for (String path : new String[] { "/", "/schemas/types", "/schemas/ids/" + id, "/schemas/ids/" + id + "/schema",
				"/subjects", "/subjects/auth-reads-value/versions", "/subjects/auth-reads-value/versions/latest",
				"/config", "/actuator/health" }) {
			this.anonymous.get().uri(path).exchange().expectStatus().isOk();
		}
		this.anonymous.head().uri("/subjects").exchange().expectStatus().isOk();
	}

	@Test
	void passwordsNeverAppearInTheLog(CapturedOutput output) {
		register(this.user, "auth-log-value").expectStatus().isOk();
		expectRefused(register(this.wrongPassword, "auth-log-value"));
		expectRefused(register(this.unknownUser, "auth-log-value"));

		assertThat(output).as("Spring Security's DEBUG log of the requests").contains(TestRegistryUser.NAME);
		assertThat(output).doesNotContain(TestRegistryUser.PASSWORD)
			.doesNotContain(WRONG_PASSWORD)
			.doesNotContain(basic(TestRegistryUser.NAME, TestRegistryUser.PASSWORD))
			.doesNotContain(basic(TestRegistryUser.NAME, WRONG_PASSWORD));
	}

	private static String expectRefused(ResponseSpec response) {
		AtomicReference<String> message = new AtomicReference<>();
		response.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"SchemaRegistry\"")
			.expectHeader()
			.contentType(V1)
			.expectBody()
			.jsonPath("$.error_code")
			.isEqualTo(401)
			.jsonPath("$.message")
			.value(String.class, message::set);
		return message.get();
	}

	private static ResponseSpec register(RestTestClient client, String subject) {
		return post(client, "/subjects/" + subject + "/versions");
	}

	private static ResponseSpec post(RestTestClient client, String path) {
		String schema = "{\"type\": \"record\", \"name\": \"AuthProbe\", \"fields\": []}";
		return client.post()
			.uri(path)
			.contentType(V1)
			.body(JSON.writeValueAsString(Map.of("schema", schema)))
			.exchange();
	}

	private static ResponseSpec putConfig(RestTestClient client, String path, String level) {
		return client.put().uri(path).contentType(V1).body("{\"compatibility\": \"" + level + "\"}").exchange();
	}

	private static String basic(String user, String password) {
		return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
