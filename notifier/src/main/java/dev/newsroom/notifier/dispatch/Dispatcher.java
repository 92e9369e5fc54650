package dev.newsroom.notifier.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

import dev.newsroom.events.notification.Delivery;
import dev.newsroom.notifier.ledger.DeliveryWrites;
import dev.newsroom.notifier.ledger.Ledger;
import dev.newsroom.notifier.ledger.LedgerPartitions;
import dev.newsroom.notifier.routing.Channels;

/**
 * Decides which instance works which channel: a consumer group on the ledger topic
 * ({@code newsroom-notifier-dispatch}), whose partitions each hold whole channels. When
 * this instance is given a partition, it waits until its {@link Ledger} view has read
 * that partition to its end, then starts a {@link ChannelWorker} per channel there with
 * what the ledger says; when the partition is taken away, the workers finish the call in
 * flight and stop before the next owner starts. The group's consumer passes every record
 * to the channel's worker, and a record that cannot be read goes to the dead-letter
 * topic, once, through the group's committed offsets.
 */
public class Dispatcher implements ConsumerAwareRebalanceListener, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

	private final Channels channels;

	private final Ledger ledger;

	private final DeliveryWrites writes;

	private final DeliverySettings settings;

	private final Clock clock;

	private final int partitions;

	private final DeliveryTracing tracing;

	private final Map<String, ChannelWorker> workers = new ConcurrentHashMap<>();

	private volatile boolean running;

	public Dispatcher(Channels channels, Ledger ledger, DeliveryWrites writes, DeliverySettings settings, Clock clock,
			int partitions, DeliveryTracing tracing) {
		this.tracing = tracing;
		this.channels = channels;
		this.ledger = ledger;
		this.writes = writes;
		this.settings = settings;
		this.clock = clock;
		this.partitions = partitions;
	}

	/**
	 * Hands a ledger record to its channel's worker, if this instance works the channel.
	 * @param delivery the record's value
	 */
	void offer(Delivery delivery) {
		ChannelWorker worker = this.workers.get(delivery.getChannel());
		if (worker != null) {
			worker.offer(delivery);
		}
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
		if (assigned.isEmpty()) {
			return;
		}
		Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
		for (TopicPartition partition : assigned) {
			if (!this.ledger.awaitPosition(partition.partition(), ends.get(partition),
					this.settings.takeoverTimeout())) {
				throw new IllegalStateException("The ledger view did not reach the end of " + partition + " within "
						+ this.settings.takeoverTimeout() + ": its channels are not worked until it does");
			}
			for (Channels.Configured channel : channelsIn(partition.partition())) {
				String name = channel.channel().name();
				ChannelWorker worker = new ChannelWorker(channel, this.writes, this.settings, this.clock,
						this.ledger.ofChannel(name), this.tracing);
				this.workers.put(name, worker);
				worker.start();
				logger.info("Working channel {} ({} {}) from {}", name, channel.channel().platform().id(),
						channel.channel().target(), partition);
			}
		}
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
		stopWorkers(revoked);
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
		stopWorkers(lost);
	}

	private void stopWorkers(Collection<TopicPartition> partitions) {
		for (TopicPartition partition : partitions) {
			for (Channels.Configured channel : channelsIn(partition.partition())) {
				ChannelWorker worker = this.workers.remove(channel.channel().name());
				if (worker != null) {
					worker.stop(Duration.ofSeconds(30));
					logger.info("Stopped working channel {}", channel.channel().name());
				}
			}
		}
	}

	private List<Channels.Configured> channelsIn(int partition) {
		return this.channels.all()
			.stream()
			.filter((channel) -> LedgerPartitions.of(channel.channel().name(), this.partitions) == partition)
			.toList();
	}

	/**
	 * @param channel a channel name
	 * @return its worker, if this instance works it
	 */
	public Optional<ChannelWorker> worker(String channel) {
		return Optional.ofNullable(this.workers.get(channel));
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		for (String name : List.copyOf(this.workers.keySet())) {
			ChannelWorker worker = this.workers.remove(name);
			if (worker != null) {
				worker.stop(Duration.ofSeconds(30));
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Stopped after the listener containers, so that a revocation stops workers
		// first and this only catches what is left.
		return Integer.MAX_VALUE - 1000;
	}

}
