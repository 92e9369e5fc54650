package dev.newsroom.feeds.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import dev.newsroom.feeds.topics.TopicReader;
import dev.newsroom.schemas.serde.SchemaRegistryUnavailableException;

/**
 * The live end of the stream: one consumer, on a thread of its own, that reads every
 * partition of the topic from where it ends when the service starts, and hands each
 * record to every connected client.
 * <p>
 * A client {@link #join joins} at the head's current {@link Position}, taken in the same
 * step as its registration, so that it gets every record after that position and none
 * before. Each client has a backlog of its own, of at most
 * {@link StreamSettings#clientBacklog()} records; a client that lets it fill is
 * disconnected (counted in {@code newsroom.feeds.stream.disconnected}), so that a slow
 * reader costs a bounded amount of memory and never slows the others.
 */
class ChangeLogHead extends TopicReader {

	private static final Logger logger = LoggerFactory.getLogger(ChangeLogHead.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private final ChangeReader reader;

	private final int backlog;

	private final Counter disconnected;

	private final Object lock = new Object();

	/** The next offset of each partition, after the last record handed to clients. */
	private final Map<Integer, Long> positions = new TreeMap<>();

	/**
	 * Copied on write: a client that overflows leaves while the head is handing out a
	 * record, and must not make the head skip the client after it.
	 */
	private final List<Client> clients = new CopyOnWriteArrayList<>();

	private volatile boolean ready;

	ChangeLogHead(Map<String, Object> consumerConfig, StreamSettings settings, ChangeReader reader,
			MeterRegistry meters) {
		super(fastFetches(consumerConfig), "feeds-stream-head", settings.topic());
		this.reader = reader;
		this.backlog = settings.clientBacklog();
		this.disconnected = Counter.builder("newsroom.feeds.stream.disconnected")
			.description("Stream clients disconnected because they did not keep up with the events")
			.tag("reason", "slow")
			.register(meters);
		Gauge.builder("newsroom.feeds.stream.clients", this, ChangeLogHead::clientCount)
			.description("Stream clients connected")
			.register(meters);
	}

	/**
	 * Registers a client at the head's current position.
	 * @return the position it joined at and the records after it; the caller must
	 * {@link Joined#leave() leave}
	 * @throws StreamNotReadyException before the head has found the topic
	 */
	Joined join() {
		synchronized (this.lock) {
			if (!this.ready) {
				throw new StreamNotReadyException(topic());
			}
			Client client = new Client();
			this.clients.add(client);
			return new Joined(new Position(this.positions), client.records.asFlux(),
					client.overflow.asMono().then(Mono.error(SlowClientException::new)), () -> leave(client));
		}
	}

	/**
	 * @return the head's current position: what a client joining now starts after
	 */
	Position position() {
		synchronized (this.lock) {
			return new Position(this.positions);
		}
	}

	boolean isReady() {
		return this.ready;
	}

	int clientCount() {
		synchronized (this.lock) {
			return this.clients.size();
		}
	}

	private void leave(Client client) {
		synchronized (this.lock) {
			this.clients.remove(client);
		}
	}

	/**
	 * Events are written in transactions and read committed: a fetch that waits for them
	 * returns when its wait ends, not when the transaction commits. A short wait sends an
	 * event on within milliseconds of its commit, for a few hundred small fetches a
	 * second from this one consumer.
	 */
	private static Map<String, Object> fastFetches(Map<String, Object> consumerConfig) {
		Map<String, Object> config = new HashMap<>(consumerConfig);
		config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
		return config;
	}

	@Override
	public void stop() {
		super.stop();
		this.ready = false;
		this.clients.forEach((client) -> client.records.tryEmitComplete());
	}

	@Override
	protected void read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
		consumer.seekToEnd(partitions);
		synchronized (this.lock) {
			partitions.forEach((partition) -> this.positions.put(partition.partition(), consumer.position(partition)));
			this.ready = true;
		}
		logger.info("Streaming {} from {}", topic(), position());
		while (isRunning()) {
			poll(consumer, partitions);
		}
	}

	private void poll(KafkaConsumer<String, byte[]> reading, List<TopicPartition> partitions) {
		try {
			ConsumerRecords<String, byte[]> records = reading.poll(POLL);
			for (ConsumerRecord<String, byte[]> record : records) {
				ChangeRecord change = this.reader.read(record);
				synchronized (this.lock) {
					this.positions.put(change.partition(), change.offset() + 1);
					for (Client client : this.clients) {
						offer(client, change);
					}
				}
			}
			synchronized (this.lock) {
				// Past transaction markers, which are offsets too.
				partitions
					.forEach((partition) -> this.positions.put(partition.partition(), reading.position(partition)));
			}
		}
		catch (SchemaRegistryUnavailableException ex) {
			logger.warn("Cannot read {} until the schema registry answers; retrying: {}", topic(), ex.getMessage());
			rewind(reading, partitions);
		}
		catch (WakeupException ex) {
			throw ex;
		}
		catch (KafkaException ex) {
			logger.warn("Reading {} failed; retrying: {}", topic(), ex.toString());
			rewind(reading, partitions);
		}
	}

	/** Goes back to the first record not yet handed to clients, after a pause. */
	private void rewind(KafkaConsumer<String, byte[]> reading, List<TopicPartition> partitions) {
		pause();
		synchronized (this.lock) {
			partitions.forEach((partition) -> reading.seek(partition, this.positions.get(partition.partition())));
		}
	}

	private void offer(Client client, ChangeRecord change) {
		if (client.overflowed) {
			return;
		}
		Sinks.EmitResult result = client.records.tryEmitNext(change);
		if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
			client.overflowed = true;
			this.disconnected.increment();
			client.overflow.tryEmitEmpty();
		}
	}

	/**
	 * A client of the head: its backlog, and the signal that it let it fill.
	 */
	private final class Client {

		final Sinks.Many<ChangeRecord> records = Sinks.many()
			.unicast()
			.onBackpressureBuffer(new LinkedBlockingQueue<>(ChangeLogHead.this.backlog));

		final Sinks.Empty<Void> overflow = Sinks.empty();

		/** Written and read on the head's thread only. */
		boolean overflowed;

	}

	/**
	 * A client's registration. Its records wait in its backlog until it subscribes to
	 * them, so a client may read the past first.
	 *
	 * @param position where it joined: it gets every record after this position
	 * @param records those records
	 * @param overflow fails with {@link SlowClientException} if the client lets its
	 * backlog fill
	 * @param leave ends the registration; run it however the client's stream ends
	 */
	record Joined(Position position, Flux<ChangeRecord> records, Mono<ChangeRecord> overflow, Runnable leave) {
	}

}
