package dev.newsroom.registry.store;

import java.util.Optional;

import dev.newsroom.registry.compatibility.CompatibilityLevel;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON keys and values of the store topic, modelled on Confluent's {@code _schemas}
 * format: {@code {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}} with
 * {@code {"subject":"s","version":1,"id":1,"schema":"...","deleted":false}},
 * {@code {"keytype":"CONFIG","subject":null,"magic":0}} with
 * {@code {"compatibilityLevel":"FULL"}}, {@code {"keytype":"DELETE_SUBJECT",...}} with
 * {@code {"subject":"s","version":3}}, and {@code {"keytype":"NOOP","magic":0}} as a
 * marker that the writer reads back before it decides anything. A key is always written
 * with the same fields in the same order, so that compaction sees equal keys as equal
 * bytes.
 */
final class StoreRecords {

	static final String SCHEMA = "SCHEMA";

	static final String CONFIG = "CONFIG";

	static final String DELETE_SUBJECT = "DELETE_SUBJECT";

	static final String NOOP = "NOOP";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StoreRecords() {
	}

	static String schemaKey(String subject, int version) {
		return write(key(SCHEMA, subject).put("version", version).put("magic", 1));
	}

	static String schemaValue(RegisteredSchema version) {
		return write(JSON.createObjectNode()
			.put("subject", version.subject())
			.put("version", version.version())
			.put("id", version.id())
			.put("schema", version.schema())
			.put("deleted", version.deleted()));
	}

	static String configKey(String subject) {
		return write(key(CONFIG, subject).put("magic", 0));
	}

	static String configValue(CompatibilityLevel level) {
		return write(JSON.createObjectNode().put("compatibilityLevel", level.name()));
	}

	static String deleteSubjectKey(String subject) {
		return write(key(DELETE_SUBJECT, subject).put("magic", 0));
	}

	static String deleteSubjectValue(String subject, int upToVersion) {
		return write(JSON.createObjectNode().put("subject", subject).put("version", upToVersion));
	}

	static String noopKey() {
		return write(JSON.createObjectNode().put("keytype", NOOP).put("magic", 0));
	}

	private static String write(ObjectNode node) {
		return JSON.writeValueAsString(node);
	}

	private static ObjectNode key(String keyType, String subject) {
		return JSON.createObjectNode().put("keytype", keyType).put("subject", subject);
	}

	/**
	 * Reads one record of the store topic.
	 * @param key the record key
	 * @param value the record value, null for a tombstone
	 * @return the change, or empty for a record that changes nothing this registry keeps
	 * (a {@code NOOP} marker, or a key type of Confluent's that it does not use, such as
	 * {@code MODE})
	 * @throws IllegalArgumentException if the record is not in the expected format
	 */
	static Optional<StoreChange> read(String key, String value) {
		JsonNode keyNode = parse(key, "key");
		String keyType = text(keyNode, "keytype");
		if (keyType == null) {
			throw new IllegalArgumentException("key has no \"keytype\": " + key);
		}
		return switch (keyType) {
			case SCHEMA -> Optional.of(readSchema(keyNode, value));
			case CONFIG -> Optional.of(readConfig(keyNode, value));
			case DELETE_SUBJECT -> readDeleteSubject(value);
			default -> Optional.empty();
		};
	}

	private static StoreChange readSchema(JsonNode key, String value) {
		String subject = required(key, "subject");
		int version = number(key, "version");
		if (value == null) {
			return new StoreChange.VersionRemoved(subject, version);
		}
		JsonNode node = parse(value, "value");
		String schemaType = text(node, "schemaType");
		if (schemaType != null && !"AVRO".equals(schemaType)) {
			throw new IllegalArgumentException("schema type " + schemaType + " is not AVRO, the only type supported");
		}
		return new StoreChange.VersionWritten(new RegisteredSchema(subject, version, number(node, "id"),
				required(node, "schema"), node.path("deleted").asBoolean(false)));
	}

	private static StoreChange readConfig(JsonNode key, String value) {
		String subject = text(key, "subject");
		if (value == null) {
			return new StoreChange.CompatibilityChanged(subject, null);
		}
		String levelName = text(parse(value, "value"), "compatibilityLevel");
		if (levelName == null) {
			return new StoreChange.CompatibilityChanged(subject, null);
		}
		CompatibilityLevel level = CompatibilityLevel.forName(levelName)
			.orElseThrow(() -> new IllegalArgumentException("unknown compatibility level " + levelName));
		return new StoreChange.CompatibilityChanged(subject, level);
	}

	private static Optional<StoreChange> readDeleteSubject(String value) {
		if (value == null) {
			return Optional.empty();
		}
		JsonNode node = parse(value, "value");
		return Optional.of(new StoreChange.SubjectSoftDeleted(required(node, "subject"), number(node, "version")));
	}

	private static JsonNode parse(String json, String part) {
		if (json == null) {
			throw new IllegalArgumentException("record has no " + part);
		}
		try {
			JsonNode node = JSON.readTree(json);
			if (!node.isObject()) {
				throw new IllegalArgumentException(part + " is not a JSON object: " + json);
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(part + " is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode child = node.get(field);
		return (child != null && child.isString()) ? child.stringValue() : null;
	}

	private static String required(JsonNode node, String field) {
		String text = text(node, field);
		if (text == null) {
			throw new IllegalArgumentException("no \"" + field + "\" text in " + node);
		}
		return text;
	}

	private static int number(JsonNode node, String field) {
		JsonNode child = node.get(field);
		if (child == null || !child.canConvertToInt()) {
			throw new IllegalArgumentException("no \"" + field + "\" number in " + node);
		}
		return child.intValue();
	}

}
