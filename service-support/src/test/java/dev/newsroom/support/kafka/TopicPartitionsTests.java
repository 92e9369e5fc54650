package dev.newsroom.support.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A topic that is not yet known to the broker is waited for, not taken to have no
 * partitions.
 */
class TopicPartitionsTests {

	private static final String TOPIC = "newsroom.deliveries";

	@Test
	void aTopicThatAppearsAfterAMomentIsWaitedFor() throws InterruptedException {
		AtomicInteger lookups = new AtomicInteger();
		MockConsumer<String, String> consumer = new MockConsumer<>("earliest") {
			@Override
			public synchronized List<PartitionInfo> partitionsFor(String topic) {
				// The first two lookups find the topic unknown, as a broker does before
				// it
				// has applied the topic's creation.
				if (lookups.incrementAndGet() == 3) {
					updatePartitions(TOPIC, List.of(partition(0), partition(1), partition(2)));
				}
				return super.partitionsFor(topic);
			}
		};
		assertThat(TopicPartitions.await(consumer, TOPIC, Duration.ofSeconds(10)))
			.containsExactly(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1), new TopicPartition(TOPIC, 2));
		assertThat(lookups).hasValue(3);
	}

	@Test
	void aTopicThatNeverAppearsIsNamedWithWhatToCheck() {
		MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
		assertThatIllegalStateException()
			.isThrownBy(() -> TopicPartitions.await(consumer, TOPIC, Duration.ofMillis(300)))
			.withMessageContaining("The topic newsroom.deliveries has no partitions after waiting PT0.3S")
			.withMessageContaining("kafka-topics.sh --describe --topic newsroom.deliveries");
	}

	private static PartitionInfo partition(int number) {
		return new PartitionInfo(TOPIC, number, null, null, null);
	}

}
