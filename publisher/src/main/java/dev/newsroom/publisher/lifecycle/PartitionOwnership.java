package dev.newsroom.publisher.lifecycle;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

import dev.newsroom.publisher.PublisherProperties.Topics;
import dev.newsroom.publisher.catalogue.ReadModelFeed;

/**
 * Makes the instance that is assigned a partition of the commands topic the single writer
 * of that partition's articles. Before it applies a command, its read models must hold
 * everything committed to the partition, also by the previous owner; a previous owner
 * still writing is fenced by Kafka's transactions (its consumer group generation is
 * stale), and its open transaction holds back the partition's stable offset until it
 * ends.
 */
public final class PartitionOwnership implements ConsumerAwareRebalanceListener {

	private static final Logger logger = LoggerFactory.getLogger(PartitionOwnership.class);

	private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

	private final ReadModelFeed feed;

	private final ScheduledPublications schedules;

	private final Topics topics;

	/**
	 * @param feed the read models' feed
	 * @param schedules the scheduled publications
	 * @param topics the topics
	 */
	public PartitionOwnership(ReadModelFeed feed, ScheduledPublications schedules, Topics topics) {
		this.feed = feed;
		this.schedules = schedules;
		this.topics = topics;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
		if (numbers.isEmpty()) {
			return;
		}
		List<TopicPartition> state = numbers.stream()
			.flatMap((p) -> List
				.of(new TopicPartition(this.topics.articles().name(), p),
						new TopicPartition(this.topics.requests().name(), p))
				.stream())
			.toList();
		// No command of these partitions is applied before the read models hold their
		// state: waiting blocks the writer's consumer, which is what it should do.
		CompletableFuture<Void> caughtUp = this.feed.catchUp(state);
		while (true) {
			try {
				caughtUp.get(REPORT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
				break;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while taking over partitions " + numbers, ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException(
						"Cannot take over partitions " + numbers + ": " + ex.getCause().getMessage(), ex.getCause());
			}
			catch (TimeoutException ex) {
				logger.warn("Still reading the state of partitions {} before writing to them; check the broker",
						numbers);
			}
		}
		this.schedules.owned(numbers);
		logger.info("Now the writer of partitions {}", numbers);
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		release(partitions);
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		release(partitions);
	}

	private void release(Collection<TopicPartition> partitions) {
		List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
		this.schedules.released(numbers);
		if (!numbers.isEmpty()) {
			logger.info("No longer the writer of partitions {}", numbers);
		}
	}

}
