package dev.newsroom.support.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * How Newsroom services dead-letter records: to one topic per consumer, keeping the
 * record's key, with Spring Kafka's {@code kafka_dlt-*} headers (original topic,
 * partition, offset, exception) and the root cause's message in {@value #REASON_HEADER}.
 * A record that did not deserialize is written as its original bytes.
 */
public final class DeadLetters {

	/** Header holding the root cause's message, such as "unknown magic byte 0x7b". */
	public static final String REASON_HEADER = "newsroom-dlt-reason";

	private DeadLetters() {
	}

	/**
	 * Creates a recoverer that writes to the given topic. Declare it as a bean, so that
	 * its producer is closed when the application stops.
	 * @param topic the dead-letter topic
	 * @param producerFactory the service's producer factory, whose connection settings
	 * are reused
	 * @param records the template for records that were read but could not be handled, or
	 * {@code null} if only undeserializable records are dead-lettered
	 * @return the recoverer
	 */
	public static DeadLetterPublishingRecoverer recoverer(String topic, ProducerFactory<?, ?> producerFactory,
			@Nullable KafkaOperations<?, ?> records) {
		@SuppressWarnings("unchecked")
		ProducerFactory<Object, byte[]> factory = (ProducerFactory<Object, byte[]>) producerFactory;
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, new KafkaTemplate<>(factory, Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				KeySerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
		if (records != null) {
			templates.put(Object.class, records);
		}
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
				(record, ex) -> new TopicPartition(topic, -1));
		recoverer.setHeadersFunction(DeadLetters::reason);
		return recoverer;
	}

	static Headers reason(ConsumerRecord<?, ?> record, Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
		return new RecordHeaders().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The recoverer, which closes the producer of its byte-array template when its bean
	 * is destroyed.
	 */
	private static final class Recoverer extends DeadLetterPublishingRecoverer implements DisposableBean {

		private final KafkaTemplate<Object, byte[]> bytes;

		Recoverer(Map<Class<?>, KafkaOperations<?, ?>> templates, String topic, KafkaTemplate<Object, byte[]> bytes) {
			super(templates, (record, ex) -> new TopicPartition(topic, -1));
			this.bytes = bytes;
		}

		@Override
		public void destroy() {
			this.bytes.destroy();
		}

	}

	/**
	 * Writes a dead letter's key as it came: raw bytes from Kafka Streams, a string from
	 * a listener.
	 */
	public static final class KeySerializer implements Serializer<Object> {

		@Override
		public byte[] serialize(String topic, Object key) {
			if (key == null || key instanceof byte[]) {
				return (byte[]) key;
			}
			return key.toString().getBytes(StandardCharsets.UTF_8);
		}

	}

}
