package dev.newsroom.testsupport;

import java.util.HashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads a topic of the {@link EmbeddedStack} broker from the start, as a new consumer
 * group with {@code read_committed}, until the expected records have arrived.
 */
public final class TopicRecords {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private TopicRecords() {
	}

	/**
	 * Waits for exactly {@code count} matching records: fails if fewer arrive in time, or
	 * more.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param topic the topic
	 * @param keys the key deserializer
	 * @param values the value deserializer (configured)
	 * @param match which records count
	 * @param count how many are expected
	 * @return the matching records, in the order read
	 */
	public static <K, V> List<ConsumerRecord<K, V>> read(String topic, Deserializer<K> keys, Deserializer<V> values,
			Predicate<ConsumerRecord<K, V>> match, int count) {
		return read(EmbeddedStack.bootstrapServers(), topic, keys, values, match, count);
	}

	/**
	 * As {@link #read(String, Deserializer, Deserializer, Predicate, int)}, from a broker
	 * other than the embedded stack's.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @param keys the key deserializer
	 * @param values the value deserializer (configured)
	 * @param match which records count
	 * @param count how many are expected
	 * @return the matching records, in the order read
	 */
	public static <K, V> List<ConsumerRecord<K, V>> read(String bootstrapServers, String topic, Deserializer<K> keys,
			Deserializer<V> values, Predicate<ConsumerRecord<K, V>> match, int count) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		List<ConsumerRecord<K, V>> found = new ArrayList<>();
		try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
			consumer.subscribe(List.of(topic));
			await().atMost(TIMEOUT).untilAsserted(() -> {
				for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
					if (match.test(record)) {
						found.add(record);
					}
				}
				assertThat(found).as("records on %s", topic).hasSize(count);
			});
			// One more poll, so that a record arriving just after the expected ones is
			// seen.
			for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(500))) {
				if (match.test(record)) {
					found.add(record);
				}
			}
			assertThat(found).as("records on %s", topic).hasSize(count);
		}
		return found;
	}

	/**
	 * The end offset of every partition of the topics, the offsets the next records will
	 * get: unchanged end offsets show that nothing was written.
	 * @param topics the topics
	 * @return the end offset of each partition
	 */
	public static Map<TopicPartition, Long> endOffsets(List<String> topics) {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()))) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
				topic.partitions()
					.forEach((p) -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
			}
			return admin.listOffsets(latest)
				.all()
				.get()
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the end offsets of " + topics, ex);
		}
	}

	/**
	 * @param topic the topic
	 * @return the end offset of each of its partitions
	 */
	public static Map<TopicPartition, Long> endOffsets(String topic) {
		return endOffsets(List.of(topic));
	}

	/**
	 * Reads every record the topic holds now, up to its end offsets.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param topic the topic
	 * @param keys the key deserializer
	 * @param values the value deserializer (configured)
	 * @return the records, in the order read
	 */
	public static <K, V> List<ConsumerRecord<K, V>> readAll(String topic, Deserializer<K> keys,
			Deserializer<V> values) {
		Map<TopicPartition, Long> ends = endOffsets(topic);
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		List<ConsumerRecord<K, V>> found = new ArrayList<>();
		try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
			consumer.assign(ends.keySet());
			consumer.seekToBeginning(ends.keySet());
			await().atMost(TIMEOUT).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(found::add);
				return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
			});
		}
		return found;
	}

}
