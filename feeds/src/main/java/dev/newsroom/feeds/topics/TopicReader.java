package dev.newsroom.feeds.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import dev.newsroom.schemas.serde.SchemaRegistryUnavailableException;

/**
 * A consumer of every partition of one topic, polled on a thread of its own for as long
 * as the application runs. It waits for the topic to exist (the publisher creates it),
 * then hands the consumer, assigned and not yet positioned, to {@link #read}.
 */
public abstract class TopicReader implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TopicReader.class);

	private static final long PAUSE_MILLIS = 1000;

	private final Map<String, Object> consumerConfig;

	private final String topic;

	private volatile boolean running;

	private volatile boolean loaded;

	private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

	private volatile @Nullable Thread thread;

	/**
	 * @param consumerConfig the consumer's settings
	 * @param clientId its client id, also its thread's name
	 * @param topic the topic it reads
	 */
	protected TopicReader(Map<String, Object> consumerConfig, String clientId, String topic) {
		this.consumerConfig = assigned(consumerConfig, clientId);
		this.topic = topic;
	}

	/**
	 * Settings for a consumer that is assigned its partitions: no group, nothing
	 * committed, only committed transactions read.
	 * @param consumerConfig the service's consumer settings
	 * @param clientId the consumer's client id
	 * @return the settings to create it with
	 */
	public static Map<String, Object> assigned(Map<String, Object> consumerConfig, String clientId) {
		Map<String, Object> config = new HashMap<>(consumerConfig);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
		return config;
	}

	/**
	 * Reads the topic until the application stops; a {@link WakeupException} from the
	 * consumer means it is stopping.
	 * @param consumer the consumer, assigned every partition
	 * @param partitions those partitions
	 */
	protected abstract void read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions);

	/**
	 * For a compacted topic read as a table: reads it from its start, tells when it has
	 * read up to where the topic ended then ({@link #isLoaded()}, {@link #loaded()}), and
	 * follows it after that, until the application stops.
	 * @param consumer the consumer given to {@link #read}
	 * @param partitions its partitions
	 * @param handler what to do with each record, in order
	 */
	protected final void replayAndFollow(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
			Consumer<ConsumerRecord<String, byte[]>> handler) {
		consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
		while (isRunning()) {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
				handler.accept(record);
			}
			if (!this.loaded && partitions.stream().allMatch((p) -> consumer.position(p) >= ends.get(p))) {
				this.loaded = true;
				loaded();
			}
		}
	}

	/**
	 * Called once, when {@link #replayAndFollow} has read what the topic held at start.
	 */
	protected void loaded() {
	}

	/**
	 * @return whether what the topic held when the service started is read
	 */
	public boolean isLoaded() {
		return this.loaded;
	}

	/**
	 * Reads a record's value. One that cannot be read (not Avro, or a schema the registry
	 * does not have) is logged with its partition and offset and passed over: it is the
	 * writer's to fix, and the records after it still count. While the registry cannot be
	 * reached the record is tried again, every second, for as long as the application
	 * runs.
	 * @param <T> the value's type
	 * @param record the record
	 * @param values the value deserializer
	 * @return its value, or empty if it has none or cannot be read
	 */
	protected <T> Optional<T> decode(ConsumerRecord<String, byte[]> record, Deserializer<T> values) {
		while (isRunning()) {
			try {
				return Optional.ofNullable(values.deserialize(record.topic(), record.value()));
			}
			catch (SerializationException ex) {
				logger.warn("Passed over the record at {}-{} offset {}, which cannot be read: {}", record.topic(),
						record.partition(), record.offset(), ex.getMessage());
				return Optional.empty();
			}
			catch (SchemaRegistryUnavailableException ex) {
				logger.warn("Cannot read {} until the schema registry answers; retrying: {}", record.topic(),
						ex.getMessage());
				pause();
			}
		}
		return Optional.empty();
	}

	/**
	 * @return the topic read
	 */
	protected String topic() {
		return this.topic;
	}

	/**
	 * Waits a second before trying again, unless the application is stopping.
	 * @throws WakeupException if the thread is interrupted
	 */
	protected void pause() {
		try {
			Thread.sleep(PAUSE_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WakeupException();
		}
	}

	@Override
	public void start() {
		this.running = true;
		Thread reading = new Thread(this::run, (String) this.consumerConfig.get(ConsumerConfig.CLIENT_ID_CONFIG));
		reading.setDaemon(true);
		this.thread = reading;
		reading.start();
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> reading = this.consumer;
		if (reading != null) {
			reading.wakeup();
		}
		Thread current = this.thread;
		if (current != null) {
			try {
				current.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		try (KafkaConsumer<String, byte[]> reading = new KafkaConsumer<>(this.consumerConfig, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			this.consumer = reading;
			List<TopicPartition> partitions = awaitPartitions(reading);
			reading.assign(partitions);
			read(reading, partitions);
		}
		catch (WakeupException ex) {
			// stopping
		}
	}

	private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> reading) {
		boolean told = false;
		while (this.running) {
			try {
				List<PartitionInfo> infos = reading.partitionsFor(this.topic, Duration.ofSeconds(5));
				if (!infos.isEmpty()) {
					return infos.stream().map((info) -> new TopicPartition(this.topic, info.partition())).toList();
				}
			}
			catch (WakeupException ex) {
				throw ex;
			}
			catch (KafkaException ex) {
				logger.debug("No partitions of {} yet: {}", this.topic, ex.toString());
			}
			if (!told) {
				logger.info("Waiting for the topic {}, which the publisher creates", this.topic);
				told = true;
			}
			pause();
		}
		throw new WakeupException();
	}

}
