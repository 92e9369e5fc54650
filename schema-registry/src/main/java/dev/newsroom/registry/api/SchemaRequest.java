package dev.newsroom.registry.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.newsroom.registry.RegistryException;
import dev.newsroom.registry.RegistryException.Reason;
import org.apache.avro.Schema;

/**
 * The body of the register, lookup and compatibility requests. Fields this registry does
 * not use (such as {@code metadata} or {@code ruleSet}) are ignored.
 *
 * @param schema the schema as a string
 * @param schemaType {@code AVRO}, the default, is the only type supported
 * @param references schema references, which are not supported
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SchemaRequest(String schema, String schemaType, List<Object> references) {

	/**
	 * The largest schema accepted, in UTF-8 bytes: stored as an escaped JSON string in
	 * one record of the store topic, it must stay within Kafka's default 1 MB record
	 * limit.
	 */
	static final int MAX_SCHEMA_BYTES = 400_000;

	/**
	 * Parses the schema.
	 * @return the Avro schema
	 * @throws RegistryException with {@link Reason#INVALID_SCHEMA} if the schema is
	 * missing, not Avro, not valid, or has references
	 */
	Schema avroSchema() {
		if (this.schemaType != null && !"AVRO".equals(this.schemaType.toUpperCase(Locale.ROOT))) {
			throw new RegistryException(Reason.INVALID_SCHEMA,
					"Invalid schema type '" + this.schemaType
							+ "': this registry supports only AVRO schemas without references. "
							+ "Send \"schemaType\": \"AVRO\" or leave the field out.");
		}
		if (this.references != null && !this.references.isEmpty()) {
			throw new RegistryException(Reason.INVALID_SCHEMA,
					"Invalid schema: schema references are not supported; this registry supports only AVRO schemas "
							+ "without references. Inline the referenced types in the schema.");
		}
		if (this.schema == null || this.schema.isBlank()) {
			throw new RegistryException(Reason.INVALID_SCHEMA, "Invalid schema: the request has no \"schema\". "
					+ "Send {\"schema\": \"<the Avro schema as a JSON string>\"}.");
		}
		int size = this.schema.getBytes(StandardCharsets.UTF_8).length;
		if (size > MAX_SCHEMA_BYTES) {
			throw new RegistryException(Reason.INVALID_SCHEMA,
					"Invalid schema: it is " + size + " bytes, more than the " + MAX_SCHEMA_BYTES
							+ " bytes this registry stores in one record. "
							+ "Split it into smaller schemas, or shorten its documentation.");
		}
		try {
			return new Schema.Parser().parse(this.schema);
		}
		catch (RuntimeException ex) {
			// Avro reports bad input with several exception types, all unchecked
			throw new RegistryException(Reason.INVALID_SCHEMA, "Invalid schema: " + ex.getMessage()
					+ ". Fix the schema so that it is valid Avro (see the Avro specification).", ex);
		}
	}

}
