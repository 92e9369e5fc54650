package dev.newsroom.publisher.catalogue;

import java.util.Map;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.context.SmartLifecycle;

/**
 * A Kafka consumer polled on a thread of its own for as long as the application runs. It
 * starts before, and stops after, the writer's listener container and the web server,
 * which depend on what it reads.
 */
public abstract class ConsumerLoop implements SmartLifecycle {

	private final Map<String, Object> consumerConfig;

	private final String threadName;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private volatile Thread thread;

	/**
	 * @param consumerConfig the consumer's settings
	 * @param threadName the name of its thread
	 */
	protected ConsumerLoop(Map<String, Object> consumerConfig, String threadName) {
		this.consumerConfig = consumerConfig;
		this.threadName = threadName;
	}

	@Override
	public void start() {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(this.consumerConfig, new StringDeserializer(),
				new ByteArrayDeserializer());
		this.consumer = consumer;
		Thread thread = new Thread(() -> {
			try (consumer) {
				poll(consumer);
			}
			catch (WakeupException ex) {
				// stop() asked for it
			}
			catch (RuntimeException ex) {
				failed(ex);
			}
			finally {
				stopped();
			}
		}, this.threadName);
		thread.setDaemon(true);
		this.thread = thread;
		thread.start();
	}

	/**
	 * Polls until the thread is woken up by {@link #stop()}.
	 * @param consumer the consumer, owned by the calling thread
	 */
	protected abstract void poll(KafkaConsumer<String, byte[]> consumer);

	/**
	 * Called when {@link #poll} failed.
	 * @param failure the failure
	 */
	protected abstract void failed(RuntimeException failure);

	/**
	 * Called on the consumer's thread once it has stopped, however it stopped.
	 */
	protected void stopped() {
	}

	@Override
	public void stop() {
		KafkaConsumer<String, byte[]> consumer = this.consumer;
		if (consumer != null) {
			consumer.wakeup();
		}
		Thread thread = this.thread;
		if (thread != null) {
			try {
				thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	@Override
	public int getPhase() {
		return 0;
	}

}
