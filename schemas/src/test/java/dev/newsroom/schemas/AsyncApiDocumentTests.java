package dev.newsroom.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.AsyncApiContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics' AsyncAPI document against what it describes: the Avro schemas it
 * references, the meanings of their event types and states, and the README's topic table.
 * The services' tests check it against the topics they declare
 * ({@link AsyncApiContract#assertDeclaredBy}).
 */
class AsyncApiDocumentTests {

	private static final Path DOCUMENT = Path.of("src", "main", "asyncapi", "asyncapi.yaml");

	private static final Path AVRO = Path.of("src", "main", "avro");

	/** Kept for readers of the topic it was written to, which is retired. */
	private static final Set<String> RETIRED_SCHEMAS = Set.of("NotificationDelivery.avsc");

	private static AsyncApiContract contract;

	@BeforeAll
	static void read() throws IOException {
		try (InputStream in = Files.newInputStream(DOCUMENT)) {
			contract = AsyncApiContract.parse(in);
		}
	}

	@Test
	void isAnAsyncApi3DocumentOfKafkaChannelsWithTheirWriters() {
		assertThat(contract.document()).containsEntry("asyncapi", "3.0.0");
		assertThat(contract.channels()).isNotEmpty();
		contract.channels().values().forEach((channel) -> {
			assertThat(channel.address()).as(channel.name()).startsWith("newsroom.");
			assertThat(channel.writer()).as(channel.name()).isIn("publisher", "view-counter", "notifier");
			assertThat(channel.partitions()).as(channel.name()).isPositive();
			assertThat(channel.settings().get("cleanup.policy")).as(channel.name()).isIn("compact", "delete");
			assertThat(channel.messages()).as(channel.name()).isNotEmpty();
			assertThat(messages()).as(channel.name()).containsKeys(channel.messages().toArray(String[]::new));
		});
	}

	@Test
	void isValidAgainstAsyncApisOwnSchema() throws IOException {
		// AsyncAPI 3.0.0's JSON Schema, from @asyncapi/specs (see the resource's README).
		try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
			com.networknt.schema.Schema asyncApi = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
				.getSchema(in);
			assertThat(asyncApi.validate(new ObjectMapper().valueToTree(contract.document())))
				.as("errors against AsyncAPI 3.0.0's JSON Schema")
				.isEmpty();
		}
	}

	@Test
	void everyAvroPayloadIsASchemaOfTheRepositoryAndEverySchemaInUseIsAPayload() throws IOException {
		Set<String> referenced = new TreeSet<>();
		for (Map.Entry<String, Map<String, Object>> message : messages().entrySet()) {
			Map<String, Object> payload = map(message.getValue(), "payload");
			if (!String.valueOf(payload.get("schemaFormat")).startsWith("application/vnd.apache.avro")) {
				continue;
			}
			String ref = String.valueOf(map(payload, "schema").get("$ref"));
			Path file = DOCUMENT.getParent().resolve(ref).normalize();
			assertThat(file).as("schema of message %s", message.getKey()).isRegularFile();
			Schema schema = new Schema.Parser().parse(file.toFile());
			assertThat(message.getValue().get("name")).as("name of message %s", message.getKey())
				.isEqualTo(schema.getName());
			referenced.add(file.getFileName().toString());
		}
		try (Stream<Path> files = Files.list(AVRO)) {
			Set<String> schemas = files.map((file) -> file.getFileName().toString())
				.filter((name) -> !RETIRED_SCHEMAS.contains(name))
				.collect(Collectors.toCollection(TreeSet::new));
			assertThat(referenced).isEqualTo(schemas);
		}
	}

	@Test
	void saysWhatEachEventTypeAndEachDeliveryActionAndStateMean() throws IOException {
		assertSummaryNamesEverySymbol("articleEvent", "ArticleEvent.avsc", "type");
		assertSummaryNamesEverySymbol("delivery", "Delivery.avsc", "action");
		assertSummaryNamesEverySymbol("delivery", "Delivery.avsc", "state");
	}

	@Test
	void everyTopicNamedInTopicsIsAChannelOfTheDocumentButTheRetiredOne() throws IllegalAccessException {
		Set<String> addresses = contract.channels()
			.values()
			.stream()
			.map(AsyncApiContract.Channel::address)
			.collect(Collectors.toSet());
		for (Field field : Topics.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
					&& !field.getName().equals("NOTIFICATION_DELIVERIES")) {
				assertThat(addresses).as("Topics.%s", field.getName()).contains((String) field.get(null));
			}
		}
	}

	@Test
	void agreesWithTheReadmesTopicTable() throws IOException {
		Map<String, List<String>> rows = readmeTopicRows();
		Map<String, AsyncApiContract.Channel> channels = new LinkedHashMap<>();
		contract.channels().values().forEach((channel) -> channels.put(channel.address(), channel));
		assertThat(rows.keySet()).as("topics in the README's table").isEqualTo(channels.keySet());
		for (AsyncApiContract.Channel channel : channels.values()) {
			List<String> row = rows.get(channel.address());
			assertThat(row.get(3)).as("cleanup of %s in the README", channel.address())
				.startsWith(channel.settings().get("cleanup.policy"));
			assertThat(row.get(4)).as("writer of %s in the README", channel.address()).startsWith(channel.writer());
			Map<String, Object> message = messages().get(channel.messages().get(0));
			Map<String, Object> payload = map(message, "payload");
			if (payload.containsKey("schemaFormat")) {
				Schema schema = new Schema.Parser().parse(DOCUMENT.getParent()
					.resolve(String.valueOf(map(payload, "schema").get("$ref")))
					.normalize()
					.toFile());
				assertThat(row.get(2)).as("value of %s in the README", channel.address())
					.contains("`" + schema.getFullName() + "`");
			}
		}
	}

	private static void assertSummaryNamesEverySymbol(String message, String schemaFile, String field)
			throws IOException {
		Schema schema = new Schema.Parser().parse(AVRO.resolve(schemaFile).toFile());
		String summary = String.valueOf(messages().get(message).get("summary"));
		for (String symbol : schema.getField(field).schema().getEnumSymbols()) {
			assertThat(summary).as("what %s %s means, in message %s", field, symbol, message).contains(symbol);
		}
	}

	/**
	 * The README's topic table: cells by topic name, without the backquotes around it.
	 */
	private static Map<String, List<String>> readmeTopicRows() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
		int heading = lines.indexOf("## Topics: the public API");
		assertThat(heading).as("README.md has the heading '## Topics: the public API'").isNotNegative();
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (String line : lines.subList(heading + 1, lines.size())) {
			if (rows.isEmpty() && !line.startsWith("| `")) {
				continue;
			}
			if (!line.startsWith("| `")) {
				break;
			}
			List<String> cells = Stream.of(line.substring(1).split("(?<!\\\\)\\|")).map(String::strip).toList();
			rows.put(cells.get(0).replace("`", ""), cells);
		}
		return rows;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> messages() {
		return (Map<String, Map<String, Object>>) (Map<?, ?>) map(map(contract.document(), "components"), "messages");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Map.of();
	}

}
