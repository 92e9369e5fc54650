package dev.newsroom.feeds.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

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
