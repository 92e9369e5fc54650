package dev.newsroom.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * The topics' AsyncAPI document against what it describes: the topics' declarations in
 * {@link Topics}, the Avro schemas it references, and the meanings of their event types
 * and states; and the README's topic table against the declarations. The services' tests
 * check it against the topics they declare ({@link AsyncApiContract#assertDeclaredBy}).
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
	void describesEveryDeclaredTopicAsDeclaredAndNoOther() throws IOException {
		Map<String, AsyncApiContract.Channel> channels = channelsByAddress();
		assertThat(channels.keySet()).as("channels of the document, against the declarations in Topics")
			.containsExactlyElementsOf(Topics.declarations().stream().map(TopicDeclaration::name).toList());
		for (TopicDeclaration topic : Topics.declarations()) {
			AsyncApiContract.Channel channel = channels.get(topic.name());
			assertThat(channel.writer()).as("writer of %s", topic.name()).isEqualTo(topic.writer());
			assertThat(channel.partitions()).as("partitions of %s", topic.name()).isEqualTo(topic.partitions());
			assertThat(channel.minInsyncReplicas()).as("min.insync.replicas of %s", topic.name())
				.isEqualTo(topic.minInsyncReplicas());
			Map<String, String> settings = new LinkedHashMap<>(topic.configs());
			settings.put("cleanup.policy", topic.cleanup().policy());
			assertThat(channel.settings()).as("topic configuration of %s", topic.name()).isEqualTo(settings);
			assertThat(channel.messages()).as("messages of %s", topic.name()).hasSize(1);
			Map<String, Object> message = messages().get(channel.messages().get(0));
			assertThat(valueType(message)).as("value of %s", topic.name()).isEqualTo(topic.value().getName());
			assertThat(keyDescription(message).toLowerCase(Locale.ROOT)).as("key of %s", topic.name())
				.contains(topic.key().toLowerCase(Locale.ROOT));
		}
	}

	@Test
	void everyTopicNamedInTopicsIsDeclaredButTheRetiredOne() throws IllegalAccessException {
		Set<String> declared = Topics.declarations().stream().map(TopicDeclaration::name).collect(Collectors.toSet());
		for (Field field : Topics.class.getFields()) {
			String value = (field.getType() == String.class) ? (String) field.get(null) : "";
			if (Modifier.isStatic(field.getModifiers()) && value.startsWith("newsroom.")
					&& !field.getName().equals("NOTIFICATION_DELIVERIES")) {
				assertThat(declared).as("Topics.%s", field.getName()).contains(value);
			}
		}
	}

	@Test
	void agreesWithTheReadmesTopicTable() throws IOException {
		Map<String, List<String>> rows = readmeTopicRows();
		assertThat(rows.keySet()).as("topics in the README's table")
			.containsExactlyElementsOf(Topics.declarations().stream().map(TopicDeclaration::name).toList());
		for (TopicDeclaration topic : Topics.declarations()) {
			List<String> row = rows.get(topic.name());
			assertThat(row.get(1).replace("`", "").replace("\\|", "|")).as("key of %s in the README", topic.name())
				.containsIgnoringCase(topic.key());
			if (topic.value() != byte[].class) {
				assertThat(row.get(2)).as("value of %s in the README", topic.name())
					.contains("`" + topic.value().getName() + "`");
			}
			assertThat(row.get(3)).as("cleanup of %s in the README", topic.name()).startsWith(topic.cleanup().policy());
			topic.configs()
				.forEach((key, value) -> assertThat(row.get(3)).as("cleanup of %s in the README", topic.name())
					.contains(key));
			assertThat(row.get(4)).as("partitions of %s in the README", topic.name())
				.isEqualTo(Integer.toString(topic.partitions()));
			assertThat(row.get(5)).as("min ISR of %s in the README", topic.name())
				.isEqualTo(Integer.toString(topic.minInsyncReplicas()));
			assertThat(row.get(6)).as("writer of %s in the README", topic.name()).startsWith(topic.writer());
		}
	}

	/**
	 * @return the Java type of a message's values: the full name of its Avro schema, or
	 * {@code byte[]}'s name for a binary payload
	 */
	private static String valueType(Map<String, Object> message) throws IOException {
		Map<String, Object> payload = map(message, "payload");
		if (!payload.containsKey("schemaFormat")) {
			assertThat(payload).containsEntry("format", "binary");
			return byte[].class.getName();
		}
		return new Schema.Parser().parse(
				DOCUMENT.getParent().resolve(String.valueOf(map(payload, "schema").get("$ref"))).normalize().toFile())
			.getFullName();
	}

	/**
	 * @return what a message's key is, in words: its Kafka key's description, or, for a
	 * message without one, its payload's
	 */
	private static String keyDescription(Map<String, Object> message) {
		Map<String, Object> key = map(map(map(message, "bindings"), "kafka"), "key");
		return String.valueOf(key.isEmpty() ? map(message, "payload").get("description") : key.get("description"));
	}

	private static Map<String, AsyncApiContract.Channel> channelsByAddress() {
		Map<String, AsyncApiContract.Channel> channels = new LinkedHashMap<>();
		contract.channels().values().forEach((channel) -> channels.put(channel.address(), channel));
		return channels;
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
