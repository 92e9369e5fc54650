package dev.newsroom.publisher.catalogue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * A Kafka consumer polled on a thread of its own for as long as the application runs. It
 * starts before, and stops after, the writer's listener container and the web server,
 * which depend on what it reads.
 */
public abstract class ConsumerLoop implements SmartLifecycle {

	/** Numbers the loops of this JVM, so that each client id is its own. */
	private static final AtomicInteger LOOPS = new AtomicInteger();

	private final Map<String, Object> consumerConfig;

	private final String threadName;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private volatile Thread thread;

	private volatile @Nullable MeterRegistry meters;

	/**
	 * @param consumerConfig the consumer's settings
	 * @param threadName the name of its thread
	 */
	protected ConsumerLoop(Map<String, Object> consumerConfig, String threadName) {
		Map<String, Object> config = new HashMap<>(consumerConfig);
		// Names the loop in the consumer's metrics, such as its lag.
		config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, threadName + "-" + LOOPS.incrementAndGet());
		this.consumerConfig = config;
		this.threadName = threadName;
	}

	/**
	 * Reports the consumer's own metrics (lag among them) to a registry, from the next
	 * start on.
	 * @param meters the registry
	 */
	public void measureWith(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void start() {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(this.consumerConfig, new StringDeserializer(),
				new ByteArrayDeserializer());
		this.consumer = consumer;
		MeterRegistry registry = this.meters;
		// Tagged as Spring's listener tags its consumers' metrics, so that both share
		// their names' tag keys (Prometheus wants one set of keys per name).
		KafkaClientMetrics metrics = (registry != null)
				? new KafkaClientMetrics(consumer,
						Tags.of("spring.id",
								"not.managed.by.Spring." + this.consumerConfig.get(ConsumerConfig.CLIENT_ID_CONFIG)))
				: null;
		if (metrics != null) {
			metrics.bindTo(registry);
		}
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
				if (metrics != null) {
					metrics.close();
				}
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
