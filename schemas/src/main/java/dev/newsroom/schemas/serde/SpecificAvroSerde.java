package dev.newsroom.schemas.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import dev.newsroom.schemas.registry.SchemaRegistryClient;

/**
 * {@link Serde} of Avro specific records in Confluent's wire format, for Kafka Streams
 * and for Spring Kafka's factories.
 *
 * @param <T> the record type
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

	private final SpecificAvroSerializer<T> serializer;

	private final SpecificAvroDeserializer<T> deserializer;

	/**
	 * Creates a serde whose registry comes from {@link #configure}.
	 * @param type the generated class
	 */
	public SpecificAvroSerde(Class<T> type) {
		this.serializer = new SpecificAvroSerializer<>();
		this.deserializer = new SpecificAvroDeserializer<>(type);
	}

	/**
	 * Creates a serde that uses the given registry client.
	 * @param type the generated class
	 * @param registry the registry client
	 */
	public SpecificAvroSerde(Class<T> type, SchemaRegistryClient registry) {
		this.serializer = new SpecificAvroSerializer<>(registry);
		this.deserializer = new SpecificAvroDeserializer<>(type, registry);
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.serializer.configure(configs, isKey);
		this.deserializer.configure(configs, isKey);
	}

	@Override
	public Serializer<T> serializer() {
		return this.serializer;
	}

	@Override
	public Deserializer<T> deserializer() {
		return this.deserializer;
	}

}
