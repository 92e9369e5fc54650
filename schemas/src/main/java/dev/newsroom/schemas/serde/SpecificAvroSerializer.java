package dev.newsroom.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import dev.newsroom.schemas.Topics;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryException;

/**
 * Writes Avro specific records in Confluent's wire format. The schema id comes from the
 * registry under the subject {@code <topic>-value} (or {@code -key}): registered on first
 * use when {@value AvroSerdeConfig#AUTO_REGISTER_SCHEMAS} is {@code true}, otherwise
 * looked up, failing if it was never registered.
 *
 * @param <T> the record type
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

	static {
		TrustedAvroPackages.trustNewsroomEvents();
	}

	private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();

	private SchemaRegistryClient registry;

	private boolean autoRegister = true;

	private boolean isKey;

	/**
	 * Creates a serializer that takes its registry from {@link #configure}.
	 */
	public SpecificAvroSerializer() {
	}

	/**
	 * Creates a serializer that uses the given registry client.
	 * @param registry the registry client
	 */
	public SpecificAvroSerializer(SchemaRegistryClient registry) {
		this.registry = registry;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.isKey = isKey;
		if (configs.containsKey(AvroSerdeConfig.SCHEMA_REGISTRY_URL) || this.registry == null) {
			AvroSerdeConfig config = AvroSerdeConfig.from(configs);
			this.autoRegister = config.autoRegisterSchemas();
			if (this.registry == null) {
				this.registry = config.createClient();
			}
		}
	}

	@Override
	public byte[] serialize(String topic, T data) {
		if (data == null) {
			return null;
		}
		if (this.registry == null) {
			throw new SerializationException("SpecificAvroSerializer for topic " + topic
					+ " is not configured: pass schema.registry.url in the producer properties");
		}
		Schema schema = data.getSchema();
		String subject = this.isKey ? Topics.keySubject(topic) : Topics.valueSubject(topic);
		int id;
		try {
			id = this.autoRegister ? this.registry.register(subject, schema)
					: this.registry.lookup(subject, schema).id();
		}
		catch (SchemaRegistryException ex) {
			throw new SerializationException("Could not get a schema id for " + schema.getFullName() + " under subject "
					+ subject + " (topic " + topic + "): " + ex.getMessage(), ex);
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(WireFormat.MAGIC_BYTE);
			out.write(ByteBuffer.allocate(4).putInt(id).array());
			BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
			this.writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(data, encoder);
			encoder.flush();
			return out.toByteArray();
		}
		catch (IOException | RuntimeException ex) {
			throw new SerializationException(
					"Could not write " + schema.getFullName() + " for topic " + topic + " as Avro: " + ex.getMessage(),
					ex);
		}
	}

}
