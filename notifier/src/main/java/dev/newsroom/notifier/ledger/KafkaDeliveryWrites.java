package dev.newsroom.notifier.ledger;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;

import dev.newsroom.events.notification.Delivery;

/**
 * Writes deliveries with the service's idempotent, {@code acks=all} producer, to the
 * partition of their channel, and waits for the acknowledgement.
 */
public class KafkaDeliveryWrites implements DeliveryWrites {

	private final KafkaTemplate<String, Delivery> kafka;

	private final String topic;

	private final Duration timeout;

	private final int partitions;

	public KafkaDeliveryWrites(KafkaTemplate<String, Delivery> kafka, String topic, int partitions, Duration timeout) {
		this.kafka = kafka;
		this.topic = topic;
		this.partitions = partitions;
		this.timeout = timeout;
	}

	@Override
	public void write(Delivery delivery) {
		try {
			this.kafka.send(record(this.topic, this.partitions, delivery))
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LedgerUnavailableException(delivery, this.topic, ex);
		}
		catch (ExecutionException ex) {
			throw new LedgerUnavailableException(delivery, this.topic, ex.getCause());
		}
		catch (TimeoutException | RuntimeException ex) {
			throw new LedgerUnavailableException(delivery, this.topic, ex);
		}
	}

	/**
	 * @param topic the ledger topic
	 * @param partitions its partition count
	 * @param delivery a delivery
	 * @return the record that writes it, to its channel's partition
	 */
	public static ProducerRecord<String, Delivery> record(String topic, int partitions, Delivery delivery) {
		return new ProducerRecord<>(topic, LedgerPartitions.of(delivery.getChannel(), partitions),
				delivery.getDeliveryId(), delivery);
	}

}
