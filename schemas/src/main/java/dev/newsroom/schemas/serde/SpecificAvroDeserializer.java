package dev.newsroom.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryException;

/**
 * Reads Avro specific records in Confluent's wire format. The writer's schema is fetched
 * from the registry by the id in the record (and cached); the record is then resolved
 * against the reader's schema, the one the target class was generated from, so that
 * records written with older or newer compatible schemas are read.
 * <p>
 * A record that is not in the wire format, names a schema id the registry does not know,
 * or does not decode fails with a {@link SerializationException} that names the topic;
 * the Kafka consumer adds the partition and offset, and an error-handling deserializer
 * can dead-letter it.
 * <p>
 * Created without a type (as Kafka does from a class name in the consumer properties), it
 * reads into the class named by {@value AvroSerdeConfig#SPECIFIC_AVRO_VALUE_TYPE} (or
 * {@value AvroSerdeConfig#SPECIFIC_AVRO_KEY_TYPE}), or else into the generated class
 * whose name is the writer schema's full name.
 *
 * @param <T> the record type
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

	static {
		TrustedAvroPackages.trustNewsroomEvents();
	}

	private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

	private Class<? extends T> type;

	private SchemaRegistryClient registry;

	/**
	 * Creates a deserializer whose registry and target type come from {@link #configure}.
	 */
	public SpecificAvroDeserializer() {
	}

	/**
	 * Creates a deserializer for the given type that takes its registry from
	 * {@link #configure}.
	 * @param type the generated class to read into
	 */
	public SpecificAvroDeserializer(Class<T> type) {
		this.type = type;
	}

	/**
	 * Creates a deserializer for the given type that uses the given registry client.
	 * @param type the generated class to read into
	 * @param registry the registry client
	 */
	public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
		this.type = type;
		this.registry = registry;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		if (this.type == null) {
			this.type = AvroSerdeConfig.specificType(configs, isKey);
		}
		if (this.registry == null) {
			this.registry = AvroSerdeConfig.from(configs).createClient();
		}
	}

	@Override
	public T deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		if (this.registry == null) {
			throw new SerializationException("SpecificAvroDeserializer for topic " + topic
					+ " is not configured: pass schema.registry.url in the consumer properties");
		}
		if (data.length < WireFormat.HEADER_LENGTH || data[0] != WireFormat.MAGIC_BYTE) {
			throw new SerializationException(String.format(
					"Record from topic %s is not in Confluent's Avro wire format: %s. Expected magic byte 0 and a "
							+ "4-byte schema id before the Avro data; was it written by another serializer?",
					topic, (data.length < WireFormat.HEADER_LENGTH) ? "only " + data.length + " bytes"
							: String.format("unknown magic byte 0x%02x", data[0])));
		}
		ByteBuffer buffer = ByteBuffer.wrap(data);
		buffer.get();
		int id = buffer.getInt();
		SpecificDatumReader<T> reader = reader(topic, id);
		try {
			BinaryDecoder decoder = DecoderFactory.get()
				.binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
			return reader.read(null, decoder);
		}
		catch (IOException | AvroRuntimeException | IndexOutOfBoundsException ex) {
			throw new SerializationException("Record from topic " + topic + " with schema id " + id
					+ " does not decode as " + reader.getExpected().getFullName() + ": " + ex, ex);
		}
	}

	private SpecificDatumReader<T> reader(String topic, int id) {
		SpecificDatumReader<T> reader = this.readers.get(id);
		if (reader != null) {
			return reader;
		}
		Schema writer;
		try {
			writer = this.registry.getById(id);
		}
		catch (SchemaRegistryException ex) {
			if (ex.isNotFound()) {
				throw new SerializationException("Cannot read record from topic " + topic
						+ ": the registry does not know schema id " + id + " (" + ex.getMessage() + ")", ex);
			}
			if (ex.status() == SchemaRegistryException.UNREACHABLE || ex.status() >= 500) {
				throw new SchemaRegistryUnavailableException("Cannot read record from topic " + topic
						+ " now: the registry could not be asked for schema id " + id + "; retry once it is back ("
						+ ex.getMessage() + ")", ex);
			}
			throw new SerializationException("Cannot read record from topic " + topic
					+ ": the registry refused to give schema id " + id + " (" + ex.getMessage() + ")", ex);
		}
		reader = new SpecificDatumReader<>(writer, readerSchema(topic, writer), SpecificData.get());
		this.readers.put(id, reader);
		return reader;
	}

	private Schema readerSchema(String topic, Schema writer) {
		if (this.type != null) {
			return SpecificData.get().getSchema(this.type);
		}
		Class<?> generated = SpecificData.get().getClass(writer);
		if (generated == null) {
			throw new SerializationException("Cannot read record from topic " + topic + ": no generated class "
					+ writer.getFullName() + " on the classpath; set " + AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE
					+ " to the class to read into");
		}
		return SpecificData.get().getSchema(generated);
	}

}
