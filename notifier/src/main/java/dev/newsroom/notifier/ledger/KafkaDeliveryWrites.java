package dev.newsroom.notifier.ledger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;

import dev.newsroom.events.notification.Delivery;

/**
 * Writes deliveries with the service's idempotent, {@code acks=all} producer, to the
 * partition of their channel: waiting for the acknowledgement, or not.
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
		writeAll(List.of(delivery));
	}

	@Override
	public void writeAll(List<Delivery> deliveries) {
		List<CompletableFuture<Void>> sent = deliveries.stream().map(this::send).toList();
		long deadline = System.nanoTime() + this.timeout.toNanos();
		for (int i = 0; i < sent.size(); i++) {
			await(sent.get(i), deliveries.get(i), deadline);
		}
	}

	@Override
	public CompletableFuture<Void> send(Delivery delivery) {
		try {
			return this.kafka.send(record(this.topic, this.partitions, delivery)).handle((result, failure) -> {
				if (failure != null) {
					throw new LedgerUnavailableException(delivery, this.topic,
							(failure.getCause() != null) ? failure.getCause() : failure);
				}
				return null;
			});
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(new LedgerUnavailableException(delivery, this.topic, ex));
		}
	}

	private void await(CompletableFuture<Void> sent, Delivery delivery, long deadline) {
		try {
			sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LedgerUnavailableException(delivery, this.topic, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof LedgerUnavailableException unavailable) {
				throw unavailable;
			}
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
