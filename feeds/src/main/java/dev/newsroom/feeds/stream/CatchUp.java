package dev.newsroom.feeds.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import dev.newsroom.feeds.topics.TopicReader;

/**
 * Reads the past for a client that resumes: the records between the position it resumes
 * from and the position at which it joined the {@link ChangeLogHead head}, with a Kafka
 * consumer of its own. At most {@link StreamSettings#maxCatchUps()} clients read at once;
 * the others wait for a turn without holding a thread. Records come as the client asks
 * for them, one poll at a time, so a client that reads slowly holds at most one poll's
 * records ({@value #MAX_POLL_RECORDS}) beyond what it asked for.
 */
class CatchUp implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(500);

	private static final int MAX_POLL_RECORDS = 200;

	private static final Duration TURN_WAIT = Duration.ofMillis(50);

	private final Map<String, Object> consumerConfig;

	private final String topic;

	private final ChangeReader reader;

	private final Semaphore turns;

	private final Scheduler scheduler;

	CatchUp(Map<String, Object> consumerConfig, StreamSettings settings, ChangeReader reader) {
		// An id older than the log start (if retention was ever set) resumes at its
		// start: the assigned consumer resets to the earliest offset.
		Map<String, Object> config = TopicReader.assigned(consumerConfig, "feeds-stream-catch-up");
		// Bounds what one reader holds.
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
		config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1024 * 1024);
		config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024);
		this.consumerConfig = config;
		this.topic = settings.topic();
		this.reader = reader;
		this.turns = new Semaphore(settings.maxCatchUps());
		this.scheduler = Schedulers.newBoundedElastic(settings.maxCatchUps(), Integer.MAX_VALUE, "feeds-catch-up");
	}

	/**
	 * @param from where the client resumes
	 * @param until where it joined the head
	 * @return every record at or after {@code from} and before {@code until}, partition
	 * by partition in offset order
	 */
	Flux<ChangeRecord> read(Position from, Position until) {
		if (until.isAtOrBefore(from)) {
			return Flux.empty();
		}
		return Mono.fromCallable(this.turns::tryAcquire)
			.filter(Boolean::booleanValue)
			.repeatWhenEmpty((attempts) -> attempts.delayElements(TURN_WAIT))
			.flatMapMany((turn) -> records(from, until));
	}

	/**
	 * Reads on a thread of the catch-up pool, which alone touches the consumer, polling
	 * only while the client asks for more. The turn is given back when the reading ends,
	 * however it ends.
	 */
	private Flux<ChangeRecord> records(Position from, Position until) {
		return Flux.create((sink) -> {
			Demand demand = new Demand();
			sink.onRequest((n) -> demand.signal());
			sink.onDispose(demand::cancel);
			this.scheduler.schedule(() -> {
				try (Reading reading = open(from, until)) {
					while (!reading.done() && !demand.cancelled()) {
						if (sink.requestedFromDownstream() > 0) {
							reading.poll().forEach(sink::next);
						}
						else {
							demand.await();
						}
					}
					sink.complete();
				}
				catch (RuntimeException ex) {
					sink.error(ex);
				}
				finally {
					this.turns.release();
				}
			});
		}, FluxSink.OverflowStrategy.BUFFER);
	}

	private Reading open(Position from, Position until) {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(this.consumerConfig, new StringDeserializer(),
				new ByteArrayDeserializer());
		List<TopicPartition> behind = new ArrayList<>();
		until.offsets().forEach((partition, end) -> {
			if (from.next(partition) < end) {
				behind.add(new TopicPartition(this.topic, partition));
			}
		});
		consumer.assign(behind);
		behind.forEach((partition) -> consumer.seek(partition, from.next(partition.partition())));
		return new Reading(consumer, until, new HashSet<>(behind));
	}

	@Override
	public void close() {
		this.scheduler.dispose();
	}

	/**
	 * Whether a client asks for more, or left.
	 */
	private static final class Demand {

		private boolean signalled;

		private volatile boolean cancelled;

		synchronized void signal() {
			this.signalled = true;
			notifyAll();
		}

		void cancel() {
			this.cancelled = true;
			signal();
		}

		boolean cancelled() {
			return this.cancelled;
		}

		/** Waits for a request or a cancel, for at most a poll's time. */
		synchronized void await() {
			try {
				if (!this.signalled) {
					wait(POLL.toMillis());
				}
				this.signalled = false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.cancelled = true;
			}
		}

	}

	/**
	 * One client's reading: its consumer and the partitions it has still to read.
	 */
	private final class Reading implements AutoCloseable {

		private final KafkaConsumer<String, byte[]> consumer;

		private final Position until;

		private final Set<TopicPartition> behind;

		Reading(KafkaConsumer<String, byte[]> consumer, Position until, Set<TopicPartition> behind) {
			this.consumer = consumer;
			this.until = until;
			this.behind = behind;
		}

		boolean done() {
			return this.behind.isEmpty();
		}

		List<ChangeRecord> poll() {
			List<ChangeRecord> records = new ArrayList<>();
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(POLL)) {
				if (record.offset() < this.until.next(record.partition())) {
					records.add(CatchUp.this.reader.read(record));
				}
			}
			for (TopicPartition partition : Set.copyOf(this.behind)) {
				if (this.consumer.position(partition) >= this.until.next(partition.partition())) {
					this.behind.remove(partition);
					this.consumer.pause(List.of(partition));
				}
			}
			return records;
		}

		@Override
		public void close() {
			this.consumer.close();
		}

	}

}
