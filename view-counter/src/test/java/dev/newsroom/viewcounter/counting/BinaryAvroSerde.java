package dev.newsroom.viewcounter.counting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import dev.newsroom.schemas.serde.TrustedAvroPackages;

/**
 * Plain Avro binary, without the registry's header: lets the topology be tested on its
 * own, with {@code TopologyTestDriver}. Like Newsroom's own serdes, it lets Avro load the
 * generated classes. The registry-backed serdes are exercised by the integration tests.
 */
final class BinaryAvroSerde<T extends SpecificRecord> implements Serde<T> {

	static {
		TrustedAvroPackages.trustNewsroomEvents();
	}

	private final Class<T> type;

	BinaryAvroSerde(Class<T> type) {
		this.type = type;
	}

	@Override
	public Serializer<T> serializer() {
		return (topic, data) -> {
			if (data == null) {
				return null;
			}
			try {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
				new SpecificDatumWriter<T>(data.getSchema()).write(data, encoder);
				encoder.flush();
				return out.toByteArray();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	@Override
	public Deserializer<T> deserializer() {
		return (topic, data) -> {
			if (data == null) {
				return null;
			}
			try {
				return new SpecificDatumReader<T>(SpecificData.get().getSchema(this.type)).read(null,
						DecoderFactory.get().binaryDecoder(data, null));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

}
