package dev.newsroom.registry.store;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.newsroom.registry.RegistryException;
import dev.newsroom.registry.RegistryException.Reason;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Appends records to the store topic and returns only once the brokers have acknowledged
 * them (the producer is idempotent and uses {@code acks=all}).
 */
final class StoreWriter implements AutoCloseable {

	private final Producer<String, String> producer;

	private final String topic;

	private final Duration timeout;

	StoreWriter(Producer<String, String> producer, String topic, Duration timeout) {
		this.producer = producer;
		this.topic = topic;
		this.timeout = timeout;
	}

	/**
	 * Appends one record.
	 * @param key the record key
	 * @param value the record value, or null for a tombstone
	 * @return the record's offset
	 * @throws RegistryException if the brokers refused the record or did not acknowledge
	 * it in time
	 */
	long append(String key, String value) {
		try {
			return this.producer.send(new ProducerRecord<>(this.topic, 0, key, value))
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
				.offset();
		}
		catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException ex) {
			throw new RegistryException(Reason.STORE_TIMED_OUT,
					"Kafka did not acknowledge the write to topic '" + this.topic + "' within " + this.timeout
							+ "; check that the brokers at spring.kafka.bootstrap-servers are up, then retry",
					ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new RegistryException(Reason.STORE_FAILED, "Kafka refused the write to topic '" + this.topic + "': "
					+ cause + "; check the brokers and the registry's access to the topic, then retry", cause);
		}
		catch (KafkaException ex) {
			throw new RegistryException(Reason.STORE_FAILED, "Could not write to topic '" + this.topic + "': " + ex
					+ "; check the brokers and the registry's access to the topic, then retry", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RegistryException(Reason.STORE_FAILED,
					"Interrupted while writing to topic '" + this.topic + "'; retry", ex);
		}
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
