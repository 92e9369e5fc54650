package dev.newsroom.publisher.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.publisher.PublisherProperties.Topics;
import dev.newsroom.support.kafka.TopicPartitions;
import dev.newsroom.support.kafka.TransientFailures;

/**
 * Replays the publisher's topics into its read models, from the beginning at start and
 * then as records arrive: the articles topic into the {@link Catalogue}, the changes
 * topic into the {@link ArticleHistory}, the requests topic into the {@link RequestLog}.
 * It reads committed records only. Health is DOWN until the first replay has reached the
 * end, so that no instance answers from a half-built catalogue.
 */
public final class ReadModelFeed extends ConsumerLoop implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(ReadModelFeed.class);

	private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

	private final Topics topics;

	private final Catalogue catalogue;

	private final ArticleHistory history;

	private final RequestLog requests;

	private final Deserializer<ArticleEvent> events;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	private final Queue<CatchUp> catchUps = new ConcurrentLinkedQueue<>();

	private final List<CatchUp> pending = new ArrayList<>();

	private final CompletableFuture<Void> replayed = new CompletableFuture<>();

	private volatile boolean running;

	private volatile boolean ended;

	private volatile long unreadable;

	/**
	 * @param consumerConfig the consumer's settings (no group: every partition is
	 * assigned)
	 * @param topics the topics
	 * @param catalogue the catalogue to fill
	 * @param history the history to fill
	 * @param requests the request log to fill
	 * @param events the deserializer of article events
	 * @param json the JSON mapper of remembered requests
	 * @param clock the clock
	 */
	public ReadModelFeed(Map<String, Object> consumerConfig, Topics topics, Catalogue catalogue, ArticleHistory history,
			RequestLog requests, Deserializer<ArticleEvent> events, JsonMapper json, Clock clock) {
		super(consumerConfig, "publisher-read-models");
		this.topics = topics;
		this.catalogue = catalogue;
		this.history = history;
		this.requests = requests;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Waits until the read models hold every record committed to the given partitions
	 * when it is called. The writer calls it when it takes over partitions, so that it
	 * decides on complete state.
	 * @param partitions the partitions
	 * @return completed once the feed has caught up with them
	 */
	public CompletableFuture<Void> catchUp(Collection<TopicPartition> partitions) {
		CatchUp catchUp = new CatchUp(List.copyOf(partitions), new CompletableFuture<>());
		this.catchUps.add(catchUp);
		if (this.ended) {
			catchUp.done().completeExceptionally(new IllegalStateException("The read model feed has stopped"));
		}
		return catchUp.done();
	}

	/**
	 * @return completed once the first replay has reached the end of every partition
	 */
	public CompletableFuture<Void> replayed() {
		return this.replayed;
	}

	@Override
	protected void poll(KafkaConsumer<String, byte[]> consumer) {
		this.running = true;
		List<TopicPartition> all = new ArrayList<>();
		for (String topic : List.of(this.topics.articles().name(), this.topics.changes().name(),
				this.topics.requests().name())) {
			List<TopicPartition> partitions = awaitPartitions(consumer, topic);
			requireAlignedPartitions(topic, partitions.size());
			all.addAll(partitions);
		}
		consumer.assign(all);
		consumer.seekToBeginning(all);
		CatchUp first = new CatchUp(all, new CompletableFuture<>());
		first.done().whenComplete((done, failure) -> {
			logger.info("Read models replayed: {} articles, {} remembered requests", this.catalogue.size(),
					this.requests.size());
			this.replayed.complete(null);
		});
		this.pending.add(first.withTargets(consumer));
		Instant purged = this.clock.instant();
		while (!Thread.currentThread().isInterrupted()) {
			ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
			for (TopicPartition partition : records.partitions()) {
				if (!apply(consumer, partition, records.records(partition))) {
					break;
				}
			}
			for (TopicPartition partition : all) {
				this.positions.put(partition, consumer.position(partition));
			}
			for (CatchUp catchUp = this.catchUps.poll(); catchUp != null; catchUp = this.catchUps.poll()) {
				this.pending.add(catchUp.withTargets(consumer));
			}
			this.pending.removeIf((catchUp) -> catchUp.completeIfReached(this.positions));
			Instant now = this.clock.instant();
			if (now.isAfter(purged.plus(PURGE_EVERY))) {
				this.requests.purge(now);
				purged = now;
			}
		}
	}

	private static List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> consumer, String topic) {
		try {
			return TopicPartitions.await(consumer, topic, Duration.ofMinutes(1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the topic " + topic, ex);
		}
	}

	/**
	 * The writer of partition p of the commands owns partition p of the articles and
	 * requests topics, so they must have as many partitions as the commands topic is
	 * configured with; a topic created earlier with another count would break that.
	 */
	private void requireAlignedPartitions(String topic, int actual) {
		int expected = this.topics.commands().partitions();
		boolean aligned = topic.equals(this.topics.changes().name()) || actual == expected;
		if (!aligned) {
			throw new IllegalStateException("Topic " + topic + " has " + actual
					+ " partitions, but the publisher's commands are configured with " + expected
					+ ": the articles, commands and requests topics must have the same number. Set "
					+ "newsroom.publisher.topics.*.partitions to " + actual
					+ " (and add partitions to the commands topic to match), or recreate the topics.");
		}
	}

	@Override
	protected void failed(RuntimeException failure) {
		logger.error("The read model feed failed; this instance's catalogue is no longer updated. Restart it.",
				failure);
		this.replayed.completeExceptionally(failure);
	}

	@Override
	protected void stopped() {
		this.running = false;
		this.ended = true;
		IllegalStateException stopped = new IllegalStateException("The read model feed has stopped");
		this.pending.forEach((catchUp) -> catchUp.done().completeExceptionally(stopped));
		this.catchUps.forEach((catchUp) -> catchUp.done().completeExceptionally(stopped));
	}

	/**
	 * Applies one partition's records.
	 * @return {@code false} if a record could not be read for a transient reason: the
	 * partition is rewound to it, to be read again on the next poll
	 */
	private boolean apply(KafkaConsumer<String, byte[]> consumer, TopicPartition partition,
			List<ConsumerRecord<String, byte[]>> records) {
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				applyOne(record);
			}
			catch (RuntimeException ex) {
				if (TransientFailures.isTransient(ex)) {
					logger.warn("Could not read {}-{}@{} yet ({}); retrying", record.topic(), record.partition(),
							record.offset(), ex.getMessage());
					consumer.seek(partition, record.offset());
					return false;
				}
				this.unreadable++;
				logger.error("Skipping unreadable record {}-{}@{} (key {}): {}", record.topic(), record.partition(),
						record.offset(), record.key(), ex.getMessage());
			}
		}
		return true;
	}

	private void applyOne(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return;
		}
		if (record.topic().equals(this.topics.requests().name())) {
			this.requests.apply(this.json.readValue(record.value(), RememberedRequest.class));
			return;
		}
		ArticleEvent event = this.events.deserialize(record.topic(), record.headers(), record.value());
		if (record.topic().equals(this.topics.articles().name())) {
			this.catalogue.apply(event);
		}
		else {
			this.history.apply(event);
		}
	}

	@Override
	public Health health() {
		if (!this.replayed.isDone()) {
			return Health.down().withDetail("reason", "replaying the articles topic").build();
		}
		if (this.replayed.isCompletedExceptionally() || !this.running) {
			String reason = this.replayed.handle((done, failure) -> (failure != null) ? failure.getMessage() : null)
				.getNow(null);
			return Health.down()
				.withDetail("reason", (reason != null) ? reason : "the feed stopped; see the log")
				.build();
		}
		return Health.up()
			.withDetail("articles", this.catalogue.size())
			.withDetail("rememberedRequests", this.requests.size())
			.withDetail("unreadableRecords", this.unreadable)
			.build();
	}

	private record CatchUp(List<TopicPartition> partitions, CompletableFuture<Void> done,
			Map<TopicPartition, Long> targets) {

		CatchUp(List<TopicPartition> partitions, CompletableFuture<Void> done) {
			this(partitions, done, Map.of());
		}

		/** Reads the partitions' ends: with read_committed, the last stable offsets. */
		CatchUp withTargets(KafkaConsumer<String, byte[]> consumer) {
			return new CatchUp(this.partitions, this.done,
					this.partitions.isEmpty() ? Map.of() : consumer.endOffsets(this.partitions));
		}

		boolean completeIfReached(Map<TopicPartition, Long> positions) {
			boolean reached = this.targets.entrySet()
				.stream()
				.allMatch((target) -> positions.getOrDefault(target.getKey(), -1L) >= target.getValue());
			if (reached) {
				this.done.complete(null);
			}
			return reached;
		}

	}

}
