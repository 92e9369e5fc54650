package dev.newsroom.schemas.serde;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.view.PageView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks of the wire format that fail before the registry is asked; the round trips
 * through the registry are in {@code SpecificAvroSerdeIT}.
 */
class SpecificAvroDeserializerTests {

	private final SpecificAvroDeserializer<PageView> deserializer = configured();

	private static SpecificAvroDeserializer<PageView> configured() {
		SpecificAvroDeserializer<PageView> deserializer = new SpecificAvroDeserializer<>(PageView.class);
		// Nothing listens here: these records must be refused without asking the
		// registry.
		deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:9"), false);
		return deserializer;
	}

	@Test
	void nullIsATombstoneAndReadsAsNull() {
		assertThat(this.deserializer.deserialize("newsroom.page-views", null)).isNull();
	}

	@Test
	void unknownMagicByteFailsNamingTheTopicAndTheByte() {
		byte[] json = "{\"articleId\":\"a-1\"}".getBytes();
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.deserializer.deserialize("newsroom.page-views", json))
			.withMessageContaining("newsroom.page-views")
			.withMessageContaining("unknown magic byte 0x7b");
	}

	@Test
	void recordShorterThanTheWireFormatHeaderFails() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.deserializer.deserialize("newsroom.page-views", new byte[] { 0, 0, 1 }))
			.withMessageContaining("only 3 bytes");
	}

	@Test
	void unreachableRegistryIsARetriableFailureNamingTheTopicAndId() {
		byte[] record = { 0, 0, 0, 0, 42, 2, 'x' };
		assertThatExceptionOfType(SchemaRegistryUnavailableException.class)
			.isThrownBy(() -> this.deserializer.deserialize("newsroom.page-views", record))
			.withMessageContaining("newsroom.page-views")
			.withMessageContaining("schema id 42");
	}

	@Test
	void missingRegistryUrlIsAConfigErrorThatSaysWhatToSet() {
		SpecificAvroDeserializer<PageView> unconfigured = new SpecificAvroDeserializer<>(PageView.class);
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> unconfigured.configure(Map.of(), false))
			.withMessageContaining("schema.registry.url");
	}

	@Test
	void autoRegisterMustBeABoolean() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:8081",
					AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "sometimes")))
			.withMessageContaining("auto.register.schemas");
	}

	@Test
	void severalRegistryUrlsAreRead() {
		AvroSerdeConfig config = AvroSerdeConfig
			.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:8081, http://b:8081"));
		assertThat(config.registryUrls()).containsExactly("http://a:8081", "http://b:8081");
		assertThat(config.autoRegisterSchemas()).isTrue();
	}

}
