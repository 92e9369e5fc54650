package dev.newsroom.notifier.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.support.KafkaUtils;

import dev.newsroom.events.notification.Delivery;
import dev.newsroom.events.notification.DeliveryState;
import dev.newsroom.support.kafka.TopicPartitions;

/**
 * Every delivery in its latest state, rebuilt by each instance from the whole ledger
 * topic and kept up to date by reading it, without a consumer group: any instance can
 * answer for any article, and the instance that takes over a channel knows what the
 * previous one did once {@link #awaitPosition} says the view has caught up. Records that
 * cannot be read are skipped here and counted; the dispatcher's consumer group
 * dead-letters them, once.
 */
public class Ledger implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Ledger.class);

	/** Numbers the views of this JVM, so that each client id is its own. */
	private static final AtomicInteger VIEWS = new AtomicInteger();

	private final Map<String, Object> consumerProperties;

	private final String topic;

	private final int expectedPartitions;

	private final Map<String, Delivery> byId = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> byArticle = new ConcurrentHashMap<>();

	private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	private final Counter unreadable;

	private final MeterRegistry meters;

	/** How many deliveries each channel has in each state, for the gauges. */
	private final Map<String, Map<DeliveryState, AtomicLong>> counts = new ConcurrentHashMap<>();

	private volatile boolean running;

	private volatile KafkaConsumer<String, Delivery> consumer;

	private volatile KafkaClientMetrics clientMetrics;

	private Thread reader;

	/**
	 * @param consumerProperties the consumer's settings, with an
	 * {@code ErrorHandlingDeserializer} for values
	 * @param topic the ledger topic
	 * @param expectedPartitions the partition count writers place deliveries by
	 * @param meters where the count of unreadable records goes
	 */
	public Ledger(Map<String, Object> consumerProperties, String topic, int expectedPartitions, MeterRegistry meters) {
		Map<String, Object> properties = new HashMap<>(consumerProperties);
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		// Names the view in the consumer's metrics, such as its lag.
		properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "notifier-ledger-view-" + VIEWS.incrementAndGet());
		this.consumerProperties = properties;
		this.topic = topic;
		this.expectedPartitions = expectedPartitions;
		this.meters = meters;
		this.unreadable = Counter.builder("newsroom.notifier.ledger.unreadable")
			.description("Ledger records this instance's view could not read and skipped")
			.register(meters);
	}

	/**
	 * @param deliveryId a delivery id
	 * @return the delivery in its latest state, if known
	 */
	public Optional<Delivery> find(String deliveryId) {
		return Optional.ofNullable(this.byId.get(deliveryId));
	}

	/**
	 * @param articleId an article id
	 * @return its deliveries, by channel, then planning time
	 */
	public List<Delivery> ofArticle(String articleId) {
		List<Delivery> deliveries = new ArrayList<>();
		for (String id : this.byArticle.getOrDefault(articleId, Set.of())) {
			Delivery delivery = this.byId.get(id);
			if (delivery != null) {
				deliveries.add(delivery);
			}
		}
		deliveries.sort(Comparator.comparing(Delivery::getChannel).thenComparing(Delivery::getPlannedAt));
		return deliveries;
	}

	/**
	 * @param channel a channel name
	 * @return its deliveries
	 */
	public List<Delivery> ofChannel(String channel) {
		return this.byId.values().stream().filter((delivery) -> delivery.getChannel().equals(channel)).toList();
	}

	/**
	 * @param channel a channel name
	 * @return the reason its deliveries are paused, if any is
	 */
	public Optional<String> pauseReason(String channel) {
		Map<DeliveryState, AtomicLong> byState = this.counts.get(channel);
		AtomicLong paused = (byState != null) ? byState.get(DeliveryState.PAUSED) : null;
		if (paused == null || paused.get() == 0) {
			// The usual answer, from the counts, without looking through every delivery.
			return Optional.empty();
		}
		return this.byId.values()
			.stream()
			.filter((delivery) -> delivery.getChannel().equals(channel) && delivery.getState() == DeliveryState.PAUSED)
			.map((delivery) -> String.valueOf(delivery.getLastError()))
			.findFirst();
	}

	/**
	 * @return whether the view has read the whole topic as it stood at startup
	 */
	public boolean isCaughtUp() {
		return this.caughtUp.getCount() == 0;
	}

	/**
	 * Waits until the view has read a partition up to an offset.
	 * @param partition the partition
	 * @param offset the offset, such as the partition's end when it was assigned
	 * @param timeout how long to wait
	 * @return whether it has
	 */
	public boolean awaitPosition(int partition, long offset, Duration timeout) {
		TopicPartition topicPartition = new TopicPartition(this.topic, partition);
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.positions) {
			while (this.positions.getOrDefault(topicPartition, -1L) < offset) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.positions, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}

	@Override
	public void start() {
		this.consumer = new KafkaConsumer<>(this.consumerProperties);
		// The view's own consumer metrics (lag among them) on /actuator/prometheus.
		// Tagged as Spring's listener tags its consumers' metrics, so that both share
		// their names' tag keys (Prometheus wants one set of keys per name).
		this.clientMetrics = new KafkaClientMetrics(this.consumer, Tags.of("spring.id",
				"not.managed.by.Spring." + this.consumerProperties.get(ConsumerConfig.CLIENT_ID_CONFIG)));
		this.clientMetrics.bindTo(this.meters);
		Map<TopicPartition, Long> ends;
		try {
			List<TopicPartition> partitions = TopicPartitions.await(this.consumer, this.topic, Duration.ofSeconds(30));
			if (partitions.size() != this.expectedPartitions) {
				throw new IllegalStateException("The ledger topic " + this.topic + " has " + partitions.size()
						+ " partitions, but newsroom.notifier.deliveries-topic.partitions says "
						+ this.expectedPartitions
						+ ": deliveries are placed by channel over the partitions, so set it to " + partitions.size());
			}
			this.consumer.assign(partitions);
			this.consumer.seekToBeginning(partitions);
			ends = this.consumer.endOffsets(partitions);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			closeClient();
			throw new IllegalStateException("Interrupted while waiting for the ledger topic " + this.topic, ex);
		}
		catch (RuntimeException ex) {
			// The view never started: its client goes with it, whatever Kafka answered.
			closeClient();
			throw ex;
		}
		this.running = true;
		this.reader = new Thread(() -> read(ends), "ledger-view");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	private void closeClient() {
		this.clientMetrics.close();
		this.consumer.close();
	}

	private void read(Map<TopicPartition, Long> startupEnds) {
		try {
			while (this.running) {
				ConsumerRecords<String, Delivery> records = this.consumer.poll(Duration.ofMillis(500));
				for (ConsumerRecord<String, Delivery> record : records) {
					apply(record);
				}
				synchronized (this.positions) {
					for (TopicPartition partition : this.consumer.assignment()) {
						this.positions.put(partition, this.consumer.position(partition));
					}
					this.positions.notifyAll();
				}
				if (this.caughtUp.getCount() > 0 && startupEnds.entrySet()
					.stream()
					.allMatch((end) -> this.positions.getOrDefault(end.getKey(), -1L) >= end.getValue())) {
					logger.info("Ledger view caught up: {} deliveries", this.byId.size());
					this.caughtUp.countDown();
				}
			}
		}
		catch (WakeupException ex) {
			// Stopping.
		}
		catch (RuntimeException ex) {
			logger.error("The ledger view stopped reading {}: {}", this.topic, ex.getMessage(), ex);
		}
		finally {
			this.clientMetrics.close();
			this.consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
		}
	}

	private void apply(ConsumerRecord<String, Delivery> record) {
		Delivery delivery = record.value();
		if (delivery == null) {
			if (record.headers().lastHeader(KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
				this.unreadable.increment();
				logger.warn("Skipping unreadable ledger record {}-{}@{}", record.topic(), record.partition(),
						record.offset());
			}
			return;
		}
		Delivery previous = this.byId.put(delivery.getDeliveryId(), delivery);
		if (previous != null) {
			count(previous.getChannel(), previous.getState()).decrementAndGet();
		}
		count(delivery.getChannel(), delivery.getState()).incrementAndGet();
		this.byArticle.computeIfAbsent(delivery.getArticleId(), (id) -> ConcurrentHashMap.newKeySet())
			.add(delivery.getDeliveryId());
	}

	/**
	 * @return the deliveries of an article by id, for the planner: which channels it was
	 * announced on
	 * @param articleId the article id
	 */
	public Set<String> channelsAnnounced(String articleId) {
		Set<String> channels = new LinkedHashSet<>();
		for (Delivery delivery : ofArticle(articleId)) {
			if (delivery.getAction() == dev.newsroom.events.notification.DeliveryAction.ANNOUNCE) {
				channels.add(delivery.getChannel());
			}
		}
		return channels;
	}

	/**
	 * The count of a channel's deliveries in a state, registered as the gauge
	 * {@code newsroom.notifier.deliveries{channel, state}} when first seen: alert on
	 * {@code PAUSED}, {@code UNCERTAIN}, {@code FAILED} or {@code LEFT_TO_EDITOR} above
	 * zero, or on {@code PENDING} that keeps growing.
	 */
	private AtomicLong count(String channel, DeliveryState state) {
		return this.counts.computeIfAbsent(channel, (name) -> new ConcurrentHashMap<>())
			.computeIfAbsent(state, (key) -> {
				AtomicLong count = new AtomicLong();
				Gauge.builder("newsroom.notifier.deliveries", count, AtomicLong::get)
					.description("Deliveries in the ledger, by channel and state")
					.tag("channel", channel)
					.tag("state", state.name())
					.register(this.meters);
				return count;
			});
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, Delivery> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		if (this.reader != null) {
			try {
				this.reader.join(10_000);
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

	@Override
	public int getPhase() {
		// Before the listener containers, which start in the default phase.
		return Integer.MAX_VALUE - 1000;
	}

}
