package dev.newsroom.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of the API against a real (embedded, KRaft) Kafka broker: status codes,
 * Confluent's error codes, bodies and content types, as a Confluent client sees them. The
 * tests share one registry, so each uses subjects of its own. Every request carries a
 * registry user's credentials; what happens without them is in
 * {@code RegistryAuthenticationIT}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=schema-registry")
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SchemaRegistryApiIT {

	private static final MediaType V1 = MediaType.parseMediaType("application/vnd.schemaregistry.v1+json");

	private static final String CONFLUENT_CLIENT_ACCEPT = "application/vnd.schemaregistry.v1+json, "
			+ "application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestTestClient http;

	private final EmbeddedKafkaBroker broker;

	SchemaRegistryApiIT(@LocalServerPort int port, @Autowired EmbeddedKafkaBroker broker) {
		this.http = RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.defaultHeaders(TestRegistryUser::authenticate)
			.build();
		this.broker = broker;
	}

	@DynamicPropertySource
	static void registryUser(DynamicPropertyRegistry registry) {
		registry.add(TestRegistryUser.PROPERTY, () -> TestRegistryUser.HASH);
	}

	@Test
	void healthIsUpOnceTheStoreTopicIsRead() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> get("/actuator/health").expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP")
				.jsonPath("$.components.schemaStore.status")
				.isEqualTo("UP")
				.jsonPath("$.components.schemaStore.details.topic")
				.isEqualTo("_schemas"));
	}

	@Test
	void rootAnswersAnEmptyObjectAndAvroIsTheOnlySchemaType() {
		get("/").expectStatus().isOk().expectHeader().contentType(V1).expectBody().json("{}");
		get("/schemas/types").expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1)
			.expectBody()
			.json("[\"AVRO\"]", JsonCompareMode.STRICT);
	}

	@Test
	void registeringTheSameSchemaAgainReturnsTheSameIdWithoutANewVersion() {
		Article article = new Article("RegisteringTheSameSchemaAgainReturnsTheSameIdWithoutANewVersion");
		int id = register("reg-a", article.plain());
		String reformatted = article.plain().replace(" ", "").replace("\n", "  ");
		assertThat(register("reg-a", reformatted)).isEqualTo(id);
		versions("reg-a").json("[1]", JsonCompareMode.STRICT);
		assertThat(register("reg-b", article.plain())).as("same schema, other subject").isEqualTo(id);
		versions("reg-b").json("[1]", JsonCompareMode.STRICT);
		int other = register("reg-a", article.withSection());
		assertThat(other).isGreaterThan(id);
		versions("reg-a").json("[1, 2]", JsonCompareMode.STRICT);

		String canonical = canonical(article.plain());
		get("/schemas/ids/{id}", id).expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1)
			.expectBody()
			.jsonPath("$.schema")
			.isEqualTo(canonical)
			.jsonPath("$.maxId")
			.doesNotExist();
		get("/schemas/ids/{id}?subject=reg-a&fetchMaxId=true", id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.maxId")
			.value(Integer.class, (maxId) -> assertThat(maxId).isGreaterThanOrEqualTo(other));
		get("/schemas/ids/{id}/schema", id).expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1)
			.expectBody(String.class)
			.isEqualTo(canonical);
		get("/schemas/ids/{id}/subjects", id).expectStatus()
			.isOk()
			.expectBody()
			.json("[\"reg-a\", \"reg-b\"]", JsonCompareMode.STRICT);
		get("/schemas/ids/{id}/versions", id).expectStatus()
			.isOk()
			.expectBody()
			.json("[{\"subject\": \"reg-a\", \"version\": 1}, {\"subject\": \"reg-b\", \"version\": 1}]",
					JsonCompareMode.STRICT);
		assertThat(subjects("/subjects")).contains("reg-a", "reg-b");
	}

	@Test
	void unknownSchemaIdsAreNotFound() {
		expectError(get("/schemas/ids/999999"), HttpStatus.NOT_FOUND, 40403);
		expectError(get("/schemas/ids/999999/schema"), HttpStatus.NOT_FOUND, 40403);
		expectError(get("/schemas/ids/999999/subjects"), HttpStatus.NOT_FOUND, 40403);
		expectError(get("/schemas/ids/999999/versions"), HttpStatus.NOT_FOUND, 40403);
		expectError(get("/schemas/ids/abc"), HttpStatus.NOT_FOUND, 40403);
	}

	@Test
	void aSchemaIsLookedUpUnderASubject() {
		Article article = new Article("ASchemaIsLookedUpUnderASubject");
		int id = register("lookup", article.plain());
		post("/subjects/lookup", schemaBody(article.plain())).expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1)
			.expectBody()
			.json("{\"subject\": \"lookup\", \"version\": 1, \"id\": " + id + ", \"schema\": "
					+ JSON.writeValueAsString(canonical(article.plain())) + "}");
		expectError(post("/subjects/lookup-unknown", schemaBody(article.plain())), HttpStatus.NOT_FOUND, 40401);
		expectError(post("/subjects/lookup", schemaBody(article.withSection())), HttpStatus.NOT_FOUND, 40403);
		expectError(post("/subjects/lookup", schemaBody("{\"type\": \"nope\"}")), HttpStatus.UNPROCESSABLE_CONTENT,
				42201);
	}

	@Test
	void versionsAreReadByNumberLatestAndMinusOne() {
		Article article = new Article("VersionsAreReadByNumberLatestAndMinusOne");
		int first = register("versions", article.plain());
		int second = register("versions", article.withSection());
		String expectedFirst = "{\"subject\": \"versions\", \"version\": 1, \"id\": " + first + "}";
		get("/subjects/versions/versions/1").expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1)
			.expectBody()
			.json(expectedFirst)
			.jsonPath("$.schema")
			.isEqualTo(canonical(article.plain()));
		for (String latest : List.of("latest", "-1")) {
			get("/subjects/versions/versions/{version}", latest).expectStatus()
				.isOk()
				.expectBody()
				.json("{\"subject\": \"versions\", \"version\": 2, \"id\": " + second + "}");
		}
		get("/subjects/versions/versions/latest/schema").expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1)
			.expectBody(String.class)
			.isEqualTo(canonical(article.withSection()));
		for (String invalid : List.of("0", "-2", "abc", "99999999999")) {
			expectError(get("/subjects/versions/versions/{version}", invalid), HttpStatus.UNPROCESSABLE_CONTENT, 42202);
		}
		expectError(get("/subjects/versions/versions/3"), HttpStatus.NOT_FOUND, 40402);
		expectError(get("/subjects/versions-unknown/versions/1"), HttpStatus.NOT_FOUND, 40401);
		expectError(get("/subjects/versions-unknown/versions"), HttpStatus.NOT_FOUND, 40401);
	}

	@Test
	void badRequestsGetConfluentErrorCodesNeverA500() {
		Article article = new Article("BadRequestsGetConfluentErrorCodesNeverA500");
		expectError(post("/subjects/bad/versions", schemaBody("{\"type\": \"record\", \"name\": \"X\"}")),
				HttpStatus.UNPROCESSABLE_CONTENT, 42201);
		expectError(post("/subjects/bad/versions", schemaBody("not json at all")), HttpStatus.UNPROCESSABLE_CONTENT,
				42201);
		String huge = "{\"type\": \"record\", \"name\": \"Huge\", \"doc\": \"" + "x".repeat(450_000)
				+ "\", \"fields\": []}";
		expectError(post("/subjects/bad/versions", schemaBody(huge)), HttpStatus.UNPROCESSABLE_CONTENT, 42201)
			.contains("more than the 400000 bytes");
		expectError(post("/subjects/bad/versions", "{\"schemaType\": \"AVRO\"}"), HttpStatus.UNPROCESSABLE_CONTENT,
				42201);
		expectError(
				post("/subjects/bad/versions",
						body(Map.of("schema", "syntax = \"proto3\";", "schemaType", "PROTOBUF"))),
				HttpStatus.UNPROCESSABLE_CONTENT, 42201)
			.contains("only AVRO schemas without references");
		expectError(
				post("/subjects/bad/versions",
						body(Map.of("schema", article.plain(), "references",
								List.of(Map.of("name", "Other", "subject", "other", "version", 1))))),
				HttpStatus.UNPROCESSABLE_CONTENT, 42201)
			.contains("only AVRO schemas without references");
		expectError(post("/subjects/bad/versions", "{\"schema\": "), HttpStatus.BAD_REQUEST, 400);
		expectError(post("/subjects/bad/versions", "{\"schema\": {\"type\": \"string\"}}"), HttpStatus.BAD_REQUEST,
				400);
		expectError(post("/subjects/bad/versions", ""), HttpStatus.UNPROCESSABLE_CONTENT, 422);
		expectError(this.http.post()
			.uri("/subjects/bad/versions")
			.contentType(MediaType.TEXT_PLAIN)
			.body(schemaBody(article.plain()))
			.exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, 415);
		expectError(get("/no/such/endpoint"), HttpStatus.NOT_FOUND, 404);
		expectError(delete("/schemas/types"), HttpStatus.METHOD_NOT_ALLOWED, 405);
		expectError(get("/subjects?deleted=maybe"), HttpStatus.BAD_REQUEST, 400);
		expectError(get("/subjects/bad/versions"), HttpStatus.NOT_FOUND, 40401);
	}

	@Test
	void unknownQueryParametersAndFieldsAreTolerated() {
		Article article = new Article("UnknownQueryParametersAndFieldsAreTolerated");
		String body = "{\"schema\": " + JSON.writeValueAsString(article.plain())
				+ ", \"schemaType\": \"AVRO\", \"references\": [], \"metadata\": null, \"ruleSet\": null}";
		post("/subjects/tolerant/versions?normalize=true&format=resolved", body).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isNumber();
	}

	@Test
	void requestsAreAcceptedInEveryContentTypeOfTheApiAndAnsweredInTheOneAskedFor() {
		Article article = new Article("RequestsAreAcceptedInEveryContentTypeOfTheApiAndAnsweredInTheOneAskedFor");
		int id = register("content", article.plain());
		for (MediaType type : List.of(V1, MediaType.parseMediaType("application/vnd.schemaregistry+json"),
				MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM)) {
			this.http.post()
				.uri("/subjects/content/versions")
				.contentType(type)
				.body(schemaBody(article.plain()))
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentType(V1)
				.expectBody()
				.json("{\"id\": " + id + "}");
		}
		this.http.get()
			.uri("/subjects/content/versions")
			.header("Accept", CONFLUENT_CLIENT_ACCEPT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1);
		this.http.get()
			.uri("/subjects/content/versions")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON);
		expectError(
				this.http.get().uri("/subjects/content-unknown/versions").accept(MediaType.APPLICATION_JSON).exchange(),
				HttpStatus.NOT_FOUND, 40401);
	}

	@Test
	void versionsAreSoftDeletedBeforeTheyArePermanentlyDeleted() {
		Article article = new Article("VersionsAreSoftDeletedBeforeTheyArePermanentlyDeleted");
		int first = register("delete-version", article.plain());
		register("delete-version-keeper", article.plain());
		register("delete-version", article.withSection());
		expectError(delete("/subjects/delete-version/versions/1?permanent=true"), HttpStatus.NOT_FOUND, 40407);
		delete("/subjects/delete-version/versions/1").expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1)
			.expectBody()
			.json("1");
		expectError(delete("/subjects/delete-version/versions/1"), HttpStatus.NOT_FOUND, 40406);
		versions("delete-version").json("[2]", JsonCompareMode.STRICT);
		get("/subjects/delete-version/versions?deleted=true").expectBody().json("[1, 2]", JsonCompareMode.STRICT);
		expectError(get("/subjects/delete-version/versions/1"), HttpStatus.NOT_FOUND, 40402);
		get("/subjects/delete-version/versions/1?deleted=true").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(first);
		expectError(post("/subjects/delete-version", schemaBody(article.plain())), HttpStatus.NOT_FOUND, 40403);
		post("/subjects/delete-version?deleted=true", schemaBody(article.plain())).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(1);
		get("/schemas/ids/{id}", first).expectStatus().isOk();

		delete("/subjects/delete-version/versions/1?permanent=true").expectStatus().isOk().expectBody().json("1");
		expectError(delete("/subjects/delete-version/versions/1?permanent=true"), HttpStatus.NOT_FOUND, 40402);
		get("/subjects/delete-version/versions?deleted=true").expectBody().json("[2]", JsonCompareMode.STRICT);
		assertThat(register("delete-version", article.plain())).as("an id is kept while a subject uses the schema")
			.isEqualTo(first);
		versions("delete-version").json("[2, 3]", JsonCompareMode.STRICT);
		expectError(delete("/subjects/delete-version/versions/7"), HttpStatus.NOT_FOUND, 40402);
		expectError(delete("/subjects/delete-version-unknown/versions/1"), HttpStatus.NOT_FOUND, 40401);
		expectError(delete("/subjects/delete-version/versions/zero"), HttpStatus.UNPROCESSABLE_CONTENT, 42202);

		int again = register("delete-latest", article.withSection());
		delete("/subjects/delete-latest/versions/latest").expectBody().json("1");
		assertThat(register("delete-latest", article.withSection())).as("a soft-deleted schema registered again")
			.isEqualTo(again);
		get("/subjects/delete-latest/versions?deleted=true").expectBody().json("[1, 2]", JsonCompareMode.STRICT);
	}

	@Test
	void subjectsAreSoftDeletedBeforeTheyArePermanentlyDeleted() {
		Article article = new Article("SubjectsAreSoftDeletedBeforeTheyArePermanentlyDeleted");
		int id = register("delete-subject", article.plain());
		register("delete-subject", article.withSection());
		this.http.put()
			.uri("/config/delete-subject")
			.contentType(V1)
			.body("{\"compatibility\": \"FULL\"}")
			.exchange()
			.expectStatus()
			.isOk();
		expectError(delete("/subjects/delete-subject?permanent=true"), HttpStatus.NOT_FOUND, 40405)
			.contains("was not deleted first before being permanently deleted");
		delete("/subjects/delete-subject").expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1)
			.expectBody()
			.json("[1, 2]", JsonCompareMode.STRICT);
		expectError(delete("/subjects/delete-subject"), HttpStatus.NOT_FOUND, 40404);
		expectError(get("/subjects/delete-subject/versions"), HttpStatus.NOT_FOUND, 40401);
		expectError(get("/subjects/delete-subject/versions/latest"), HttpStatus.NOT_FOUND, 40401);
		assertThat(subjects("/subjects")).doesNotContain("delete-subject");
		assertThat(subjects("/subjects?deleted=true")).contains("delete-subject");
		get("/schemas/ids/{id}", id).expectStatus().isOk();
		get("/schemas/ids/{id}/subjects?deleted=true", id).expectBody()
			.json("[\"delete-subject\"]", JsonCompareMode.STRICT);
		get("/config/delete-subject").expectBody().json("{\"compatibilityLevel\": \"FULL\"}");

		delete("/subjects/delete-subject?permanent=true").expectStatus()
			.isOk()
			.expectBody()
			.json("[1, 2]", JsonCompareMode.STRICT);
		expectError(delete("/subjects/delete-subject?permanent=true"), HttpStatus.NOT_FOUND, 40401);
		expectError(delete("/subjects/delete-subject"), HttpStatus.NOT_FOUND, 40401);
		assertThat(subjects("/subjects?deleted=true")).doesNotContain("delete-subject");
		expectError(get("/config/delete-subject"), HttpStatus.NOT_FOUND, 40408);
		register("delete-subject", article.withRequiredAuthor());
		versions("delete-subject").json("[1]", JsonCompareMode.STRICT);
	}

	@Test
	void compatibilityIsCheckedAgainstAVersionOrAsRegistrationWould() {
		Article article = new Article("CompatibilityIsCheckedAgainstAVersionOrAsRegistrationWould");
		register("compat", article.plain());
		post("/compatibility/subjects/compat/versions/latest", schemaBody(article.withSection())).expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1)
			.expectBody()
			.json("{\"is_compatible\": true}")
			.jsonPath("$.messages")
			.doesNotExist();
		post("/compatibility/subjects/compat/versions/1", schemaBody(article.withRequiredAuthor())).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"is_compatible\": false}");
		post("/compatibility/subjects/compat/versions/latest?verbose=true", schemaBody(article.withRequiredAuthor()))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.is_compatible")
			.isEqualTo(false)
			.jsonPath("$.messages[0]")
			.value(String.class,
					(message) -> assertThat(message).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("author"));
		post("/compatibility/subjects/compat/versions?verbose=true", schemaBody(article.withSection())).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"is_compatible\": true, \"messages\": []}");
		post("/compatibility/subjects/compat-unknown/versions/latest", schemaBody(article.withRequiredAuthor()))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"is_compatible\": true}");
		expectError(post("/compatibility/subjects/compat-unknown/versions/1", schemaBody(article.plain())),
				HttpStatus.NOT_FOUND, 40401);
		expectError(post("/compatibility/subjects/compat/versions/5", schemaBody(article.plain())),
				HttpStatus.NOT_FOUND, 40402);
		expectError(post("/compatibility/subjects/compat/versions/first", schemaBody(article.plain())),
				HttpStatus.UNPROCESSABLE_CONTENT, 42202);
		expectError(post("/compatibility/subjects/compat/versions/latest", schemaBody("{\"type\": \"nope\"}")),
				HttpStatus.UNPROCESSABLE_CONTENT, 42201);
	}

	@Test
	void anIncompatibleSchemaIsRefusedWithAConflict() {
		Article article = new Article("AnIncompatibleSchemaIsRefusedWithAConflict");
		register("conflict", article.plain());
		expectError(post("/subjects/conflict/versions", schemaBody(article.withRequiredAuthor())), HttpStatus.CONFLICT,
				409)
			.contains("incompatible with an earlier schema for subject \"conflict\"")
			.contains("READER_FIELD_MISSING_DEFAULT_VALUE")
			.contains("PUT /config/conflict");
		versions("conflict").json("[1]", JsonCompareMode.STRICT);
	}

	@Test
	void transitiveLevelsCompareWithEveryLiveVersion() {
		Article article = new Article("TransitiveLevelsCompareWithEveryLiveVersion");
		String withDefaultedSection = article.withSection();
		String sectionWithoutDefault = article.withSectionWithoutDefault();
		for (String subject : List.of("transitive", "latest-only")) {
			register(subject, article.plain());
			register(subject, withDefaultedSection);
		}
		putConfig("/config/transitive", "BACKWARD_TRANSITIVE");
		expectError(post("/subjects/transitive/versions", schemaBody(sectionWithoutDefault)), HttpStatus.CONFLICT, 409)
			.contains("version 1");
		register("latest-only", sectionWithoutDefault);
		delete("/subjects/transitive/versions/1").expectStatus().isOk();
		register("transitive", sectionWithoutDefault);
		versions("transitive").json("[2, 3]", JsonCompareMode.STRICT);
	}

	@Test
	void compatibilityLevelsAreSetGloballyAndPerSubject() {
		Article article = new Article("CompatibilityLevelsAreSetGloballyAndPerSubject");
		get("/config").expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1)
			.expectBody()
			.json("{\"compatibilityLevel\": \"BACKWARD\"}");
		expectError(get("/config/levels"), HttpStatus.NOT_FOUND, 40408);
		get("/config/levels?defaultToGlobal=true").expectStatus()
			.isOk()
			.expectBody()
			.json("{\"compatibilityLevel\": \"BACKWARD\"}");
		for (String level : List.of("NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE",
				"FULL_TRANSITIVE", "FULL")) {
			putConfig("/config/levels", level);
			get("/config/levels").expectBody().json("{\"compatibilityLevel\": \"" + level + "\"}");
		}
		expectError(this.http.put()
			.uri("/config/levels")
			.contentType(V1)
			.body("{\"compatibility\": \"SIDEWAYS\"}")
			.exchange(), HttpStatus.UNPROCESSABLE_CONTENT, 42203);
		expectError(this.http.put().uri("/config").contentType(V1).body("{}").exchange(),
				HttpStatus.UNPROCESSABLE_CONTENT, 42203);
		delete("/config/levels").expectStatus().isOk().expectBody().json("{\"compatibilityLevel\": \"FULL\"}");
		expectError(get("/config/levels"), HttpStatus.NOT_FOUND, 40408);
		expectError(delete("/config/levels"), HttpStatus.NOT_FOUND, 40401);

		register("global-none", article.plain());
		putConfig("/config", "none");
		get("/config").expectBody().json("{\"compatibilityLevel\": \"NONE\"}");
		try {
			register("global-none", article.withRequiredAuthor());
		}
		finally {
			delete("/config").expectStatus().isOk().expectBody().json("{\"compatibilityLevel\": \"NONE\"}");
		}
		get("/config").expectBody().json("{\"compatibilityLevel\": \"BACKWARD\"}");
	}

	@Test
	void theStoreTopicIsCompactedWithOnePartitionAndHoldsConfluentStyleRecords() throws Exception {
		Article article = new Article("TheStoreTopicIsCompactedWithOnePartitionAndHoldsConfluentStyleRecords");
		register("topic-format", article.plain());
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString());
		try (Admin admin = Admin.create(config)) {
			TopicDescription description = admin.describeTopics(List.of("_schemas"))
				.allTopicNames()
				.get()
				.get("_schemas");
			assertThat(description.partitions()).hasSize(1);
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas");
			assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic).get("cleanup.policy").value())
				.isEqualTo("compact");
		}
		List<ConsumerRecord<String, String>> records = readStoreTopic();
		assertThat(records).anySatisfy((record) -> {
			assertThat(record.key())
				.isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"topic-format\",\"version\":1,\"magic\":1}");
			assertThat(JSON.readTree(record.value()).path("schema").stringValue())
				.isEqualTo(canonical(article.plain()));
			assertThat(JSON.readTree(record.value()).path("deleted").booleanValue()).isFalse();
		});
	}

	private List<ConsumerRecord<String, String>> readStoreTopic() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		TopicPartition partition = new TopicPartition("_schemas", 0);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (Consumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				assertThat(consumer.position(partition)).isGreaterThanOrEqualTo(end);
			});
		}
		return records;
	}

	private ResponseSpec get(String uri, Object... variables) {
		return this.http.get().uri(uri, variables).exchange();
	}

	private ResponseSpec delete(String uri, Object... variables) {
		return this.http.delete().uri(uri, variables).exchange();
	}

	private List<String> subjects(String path) {
		return get(path).expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<String>>() {
		}).returnResult().getResponseBody();
	}

	private int register(String subject, String schema) {
		AtomicInteger id = new AtomicInteger();
		post("/subjects/" + subject + "/versions", schemaBody(schema)).expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1)
			.expectBody()
			.jsonPath("$.id")
			.value(Integer.class, id::set);
		return id.get();
	}

	private void putConfig(String path, String level) {
		this.http.put()
			.uri(path)
			.contentType(V1)
			.body("{\"compatibility\": \"" + level + "\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(V1)
			.expectBody()
			.json("{\"compatibility\": \"" + level.toUpperCase() + "\"}");
	}

	private RestTestClient.BodyContentSpec versions(String subject) {
		return get("/subjects/{subject}/versions", subject).expectBody();
	}

	private ResponseSpec post(String path, String body) {
		return this.http.post().uri(path).contentType(V1).body(body).exchange();
	}

	private static AbstractStringAssert<?> expectError(ResponseSpec response, HttpStatus status, int errorCode) {
		AtomicReference<String> message = new AtomicReference<>();
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(V1)
			.expectBody()
			.jsonPath("$.error_code")
			.isEqualTo(errorCode)
			.jsonPath("$.message")
			.value(String.class, message::set);
		return assertThat(message.get()).isNotBlank();
	}

	private static String schemaBody(String schema) {
		return body(Map.of("schema", schema));
	}

	private static String body(Map<String, Object> fields) {
		return JSON.writeValueAsString(fields);
	}

	private static String canonical(String schema) {
		return new Schema.Parser().parse(schema).toString();
	}

	private static String record(String name, String fields) {
		return "{\"type\": \"record\", \"name\": \"" + name + "\", \"namespace\": \"dev.newsroom\", \"fields\": ["
				+ fields + "]}";
	}

	/**
	 * A record schema and two evolutions of it, named after the test that uses them so
	 * that no two tests share a schema id.
	 */
	private record Article(String name) {

		String plain() {
			return record(this.name, """
					{"name": "id", "type": "string"},
					{"name": "title", "type": "string"}""");
		}

		String withSection() {
			return record(this.name, """
					{"name": "id", "type": "string"},
					{"name": "title", "type": "string"},
					{"name": "section", "type": ["null", "string"], "default": null}""");
		}

		String withRequiredAuthor() {
			return record(this.name, """
					{"name": "id", "type": "string"},
					{"name": "title", "type": "string"},
					{"name": "author", "type": "string"}""");
		}

		String withSectionWithoutDefault() {
			return record(this.name, """
					{"name": "id", "type": "string"},
					{"name": "title", "type": "string"},
					{"name": "section", "type": ["null", "string"]}""");
		}

	}

}
