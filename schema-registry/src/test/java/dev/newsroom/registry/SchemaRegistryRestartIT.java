package dev.newsroom.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The registry's state is the store topic: a registry started anew on the same broker
 * answers exactly as the one before it, and carries on numbering from where it stopped.
 * The registries are started as other modules start them in their tests, with
 * {@link SchemaRegistryApplication#builder()}.
 */
@EmbeddedKafka
class SchemaRegistryRestartIT {

	private static final MediaType V1 = MediaType.parseMediaType("application/vnd.schemaregistry.v1+json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> OBSERVED = List.of("/subjects", "/subjects?deleted=true",
			"/subjects/articles-value/versions", "/subjects/articles-value/versions?deleted=true",
			"/subjects/articles-value/versions/latest", "/subjects/articles-value/versions/1?deleted=true",
			"/subjects/copies-value/versions/1", "/subjects/retired-value/versions?deleted=true", "/schemas/ids/1",
			"/schemas/ids/2", "/schemas/ids/3", "/schemas/ids/1/versions?deleted=true", "/config",
			"/config/articles-value");

	@Test
	void idsVersionsLevelsAndDeletionsSurviveARestart(EmbeddedKafkaBroker broker) {
		Map<String, String> before;
		try (ConfigurableApplicationContext registry = start(broker)) {
			RestTestClient http = client(registry);
			assertThat(register(http, "articles-value", schema("Article", "title"))).isEqualTo(1);
			assertThat(register(http, "articles-value", schema("Article", "title", "section"))).isEqualTo(2);
			assertThat(register(http, "copies-value", schema("Article", "title"))).isEqualTo(1);
			assertThat(register(http, "retired-value", schema("Retired", "reason"))).isEqualTo(3);
			send(http.put().uri("/config/articles-value").contentType(V1).body("{\"compatibility\": \"FULL\"}"));
			send(http.put().uri("/config").contentType(V1).body("{\"compatibility\": \"FORWARD\"}"));
			send(http.delete().uri("/subjects/articles-value/versions/1"));
			send(http.delete().uri("/subjects/retired-value"));
			before = observe(http);
		}
		assertThat(before).containsEntry("/subjects", "[\"articles-value\",\"copies-value\"]")
			.containsEntry("/subjects/articles-value/versions", "[2]")
			.containsEntry("/subjects/retired-value/versions?deleted=true", "[1]")
			.containsEntry("/config", "{\"compatibilityLevel\":\"FORWARD\"}")
			.containsEntry("/config/articles-value", "{\"compatibilityLevel\":\"FULL\"}");

		try (ConfigurableApplicationContext registry = start(broker)) {
			RestTestClient http = client(registry);
			assertThat(observe(http)).isEqualTo(before);
			assertThat(register(http, "articles-value", schema("Article", "title", "section"))).as("already there")
				.isEqualTo(2);
			assertThat(register(http, "fresh-value", schema("Fresh", "name"))).as("the next id").isEqualTo(4);
			assertThat(register(http, "articles-value", schema("Article", "title", "section", "byline"))).isEqualTo(5);
			http.get()
				.uri("/subjects/articles-value/versions")
				.exchange()
				.expectBody()
				.json("[2, 3]", JsonCompareMode.STRICT);
		}
	}

	@Test
	void aStoreTopicWithMoreThanOnePartitionIsRefusedAtStartup(EmbeddedKafkaBroker broker) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
			admin.createTopics(List.of(new NewTopic("_schemas_split", 2, (short) 1))).all().get();
		}
		assertThatException()
			.isThrownBy(() -> SchemaRegistryApplication.builder()
				.properties("server.port=0", "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
						"newsroom.registry.topic=_schemas_split", TestRegistryUser.property())
				.run()
				.close())
			.withStackTraceContaining("Topic '_schemas_split' has 2 partitions");
	}

	private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker) {
		return SchemaRegistryApplication.builder()
			.properties("server.port=0", "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					TestRegistryUser.property())
			.run();
	}

	private static RestTestClient client(ConfigurableApplicationContext registry) {
		String port = registry.getEnvironment().getProperty("local.server.port");
		assertThat(port).as("the builder's server.port=0 wins over the 8081 of schema-registry.yml")
			.isNotEqualTo("8081");
		return RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.defaultHeaders(TestRegistryUser::authenticate)
			.build();
	}

	private static Map<String, String> observe(RestTestClient http) {
		Map<String, String> answers = new LinkedHashMap<>();
		for (String path : OBSERVED) {
			answers.put(path,
					http.get()
						.uri(path)
						.exchange()
						.expectStatus()
						.isOk()
						.expectBody(String.class)
						.returnResult()
						.getResponseBody());
		}
		return answers;
	}

	private static int register(RestTestClient http, String subject, String schema) {
		String answer = http.post()
			.uri("/subjects/{subject}/versions", subject)
			.contentType(V1)
			.body(JSON.writeValueAsString(Map.of("schema", schema)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JSON.readTree(answer).path("id").intValue();
	}

	private static void send(RestTestClient.RequestHeadersSpec<?> request) {
		request.exchange().expectStatus().isOk();
	}

	private static String schema(String name, String... stringFields) {
		StringBuilder fields = new StringBuilder();
		for (int i = 0; i < stringFields.length; i++) {
			fields.append((i > 0) ? ", " : "")
				.append("{\"name\": \"")
				.append(stringFields[i])
				.append("\", \"type\": \"string\", \"default\": \"\"}");
		}
		return "{\"type\": \"record\", \"name\": \"" + name + "\", \"fields\": [" + fields + "]}";
	}

}
