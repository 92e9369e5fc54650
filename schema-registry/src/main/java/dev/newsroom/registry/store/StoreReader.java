package dev.newsroom.registry.store;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.newsroom.registry.RegistryException;
import dev.newsroom.registry.RegistryException.Reason;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The one thread that reads the store topic, from the beginning, and applies each record
 * to the {@link RegistryState}. It remembers the end offset it found when it started and
 * reports itself caught up once it has read that far; until then the registry does not
 * serve. Writers wait here until the reader has applied their record, so that every
 * answer reflects exactly what the topic says. A record it cannot read is logged and
 * skipped; a failing connection is retried from the last position.
 */
final class StoreReader implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(StoreReader.class);

	private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

	private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

	private final StoreTopic topic;

	private final Supplier<Consumer<String, String>> consumers;

	private final RegistryState state;

	private final Object progress = new Object();

	private long position;

	private long startupEndOffset = -1;

	private boolean caughtUp;

	private RuntimeException fatal;

	private String lastError;

	private volatile boolean running;

	private volatile Consumer<String, String> consumer;

	private Thread thread;

	StoreReader(StoreTopic topic, Supplier<Consumer<String, String>> consumers, RegistryState state) {
		this.topic = topic;
		this.consumers = consumers;
		this.state = state;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::run, "schema-store-reader");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<String, String> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		synchronized (this.progress) {
			this.progress.notifyAll();
		}
		try {
			this.thread.join(Duration.ofSeconds(10).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Starts before the web server and stops after it, so that no request finds the store
	 * closed.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

	private void run() {
		while (this.running && !prepareTopic()) {
			pause();
		}
		TopicPartition partition = new TopicPartition(this.topic.name(), 0);
		boolean first = true;
		while (this.running) {
			try (Consumer<String, String> reader = this.consumers.get()) {
				this.consumer = reader;
				reader.assign(List.of(partition));
				if (first) {
					reader.seekToBeginning(List.of(partition));
					long end = reader.endOffsets(List.of(partition)).get(partition);
					startedAt(end);
					first = false;
				}
				else {
					reader.seek(partition, position());
				}
				while (this.running) {
					ConsumerRecords<String, String> records = reader.poll(POLL_TIMEOUT);
					for (ConsumerRecord<String, String> record : records) {
						apply(record);
					}
					advanceTo(reader.position(partition));
				}
			}
			catch (WakeupException ex) {
				// stop() woke the consumer up; the loop ends
			}
			catch (RuntimeException ex) {
				failed("Reading topic '" + this.topic.name() + "' failed, retrying: " + ex, ex);
				pause();
			}
			finally {
				this.consumer = null;
			}
		}
	}

	private boolean prepareTopic() {
		try {
			this.topic.prepare();
			return true;
		}
		catch (StoreTopic.MisconfiguredTopicException ex) {
			synchronized (this.progress) {
				this.fatal = ex;
				this.lastError = ex.getMessage();
				this.progress.notifyAll();
			}
			logger.error("{}", ex.getMessage());
			this.running = false;
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
			return false;
		}
		catch (Exception ex) {
			failed("Could not prepare topic '" + this.topic.name() + "', retrying: " + ex, ex);
			return false;
		}
	}

	private void apply(ConsumerRecord<String, String> record) {
		try {
			Optional<StoreChange> change = StoreRecords.read(record.key(), record.value());
			change.ifPresent((it) -> it.applyTo(this.state));
		}
		catch (RuntimeException ex) {
			logger.warn("Skipped record at offset {} of topic '{}' that the registry cannot read ({}); key: {}",
					record.offset(), record.topic(), ex.getMessage(), record.key());
		}
	}

	private void startedAt(long endOffset) {
		synchronized (this.progress) {
			this.startupEndOffset = endOffset;
			logger.info("Reading topic '{}' from the beginning up to offset {}", this.topic.name(), endOffset);
		}
		advanceTo(0);
	}

	private void advanceTo(long nextOffset) {
		synchronized (this.progress) {
			this.position = Math.max(this.position, nextOffset);
			this.lastError = null;
			if (!this.caughtUp && this.startupEndOffset >= 0 && this.position >= this.startupEndOffset) {
				this.caughtUp = true;
				logger.info("Read topic '{}' up to offset {}; the registry is ready", this.topic.name(), this.position);
			}
			this.progress.notifyAll();
		}
	}

	private void failed(String message, Exception ex) {
		boolean first;
		synchronized (this.progress) {
			first = this.lastError == null;
			this.lastError = message;
		}
		// One stack trace per outage, not one per retry.
		if (first) {
			logger.warn("{}", message, ex);
		}
		else {
			logger.debug("{}", message);
		}
	}

	private void pause() {
		synchronized (this.progress) {
			try {
				if (this.running) {
					this.progress.wait(RETRY_BACKOFF.toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
		}
	}

	private long position() {
		synchronized (this.progress) {
			return this.position;
		}
	}

	boolean isCaughtUp() {
		synchronized (this.progress) {
			return this.caughtUp;
		}
	}

	/**
	 * Where the reader stands, for health reports.
	 */
	Map<String, Object> status() {
		synchronized (this.progress) {
			Map<String, Object> status = new LinkedHashMap<>();
			status.put("topic", this.topic.name());
			status.put("position", this.position);
			status.put("startupEndOffset", this.startupEndOffset);
			if (this.lastError != null) {
				status.put("error", this.lastError);
			}
			return status;
		}
	}

	/**
	 * Waits until the reader has read the topic up to the end offset it found at startup.
	 * @param timeout how long to wait
	 * @throws IllegalStateException if the topic cannot be used, or the reader did not
	 * get there in time
	 */
	void awaitCaughtUp(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.progress) {
			while (!this.caughtUp) {
				if (this.fatal != null) {
					throw new IllegalStateException(this.fatal.getMessage(), this.fatal);
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					String progress = (this.startupEndOffset < 0) ? "it could not reach the topic yet"
							: "it read up to offset " + this.position + " of " + this.startupEndOffset;
					throw new IllegalStateException("The schema registry did not read topic '" + this.topic.name()
							+ "' to its end within " + timeout + " (" + progress
							+ ((this.lastError != null) ? "; last error: " + this.lastError : "")
							+ "). Check that Kafka is reachable at spring.kafka.bootstrap-servers, "
							+ "or raise newsroom.registry.initial-read-timeout.");
				}
				waitNanos(remaining);
			}
		}
	}

	/**
	 * Waits until the reader has applied the record at an offset.
	 * @param offset the offset of a record this registry wrote
	 * @param timeout how long to wait
	 * @throws RegistryException if the reader did not get there in time
	 */
	void awaitApplied(long offset, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.progress) {
			while (this.position <= offset) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0 || !this.running) {
					throw new RegistryException(Reason.STORE_TIMED_OUT,
							"The change was written to topic '" + this.topic.name() + "' at offset " + offset
									+ ", but the registry had read only up to offset " + this.position + " after "
									+ timeout + ". It will show once read; retry the request to see the outcome.");
				}
				waitNanos(remaining);
			}
		}
	}

	private void waitNanos(long nanos) {
		try {
			this.progress.wait(Math.max(1, nanos / 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RegistryException(Reason.STORE_FAILED, "Interrupted while waiting for the store topic", ex);
		}
	}

}
