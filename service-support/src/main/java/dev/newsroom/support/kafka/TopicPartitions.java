package dev.newsroom.support.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The partitions of a topic, for a consumer that assigns them itself. A topic the service
 * has just created can be unknown to the broker for a moment after its creation was
 * accepted (the broker has not yet applied the controller's record), and the consumer
 * then lists no partitions; this waits for them instead of taking that for the topic's
 * size.
 */
public final class TopicPartitions {

	private static final long PAUSE_MILLIS = 100;

	private TopicPartitions() {
	}

	/**
	 * @param consumer the consumer that will read the topic
	 * @param topic the topic
	 * @param timeout how long to wait for the topic to have partitions
	 * @return its partitions, in the order the broker lists them
	 * @throws IllegalStateException if the topic still has no partitions when the timeout
	 * ends; the message says what to check
	 * @throws InterruptedException if the thread is interrupted while waiting
	 */
	public static List<TopicPartition> await(Consumer<?, ?> consumer, String topic, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			List<PartitionInfo> infos;
			try {
				infos = consumer.partitionsFor(topic, Duration.ofNanos(Math.max(left, 0)));
			}
			catch (TimeoutException ex) {
				infos = List.of();
			}
			if (infos != null && !infos.isEmpty()) {
				return infos.stream().map((info) -> new TopicPartition(topic, info.partition())).toList();
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new IllegalStateException("The topic " + topic + " has no partitions after waiting " + timeout
						+ ". The service creates it at startup; check that the brokers are reachable from here and "
						+ "that the topic exists (kafka-topics.sh --describe --topic " + topic + ").");
			}
			TimeUnit.MILLISECONDS.sleep(Math.min(PAUSE_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
		}
	}

}
