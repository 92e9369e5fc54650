package dev.newsroom.publisher.lifecycle;

import dev.newsroom.publisher.catalogue.ConsumerLoop;
import dev.newsroom.publisher.catalogue.CommandReply;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the writer's answers to this instance's commands. The instance reads one
 * partition of the replies topic, chosen at start, from its end; its commands name that
 * partition, so each instance reads about 1/n of the replies.
 */
public final class ReplyReader extends ConsumerLoop {

	private static final Logger logger = LoggerFactory.getLogger(ReplyReader.class);

	private final TopicPartition partition;

	private final JsonMapper json;

	private final Map<String, CompletableFuture<CommandReply>> waiting = new ConcurrentHashMap<>();

	private final CompletableFuture<Void> positioned = new CompletableFuture<>();

	/**
	 * @param consumerConfig the consumer's settings (no group: the partition is assigned)
	 * @param topic the replies topic
	 * @param partitions its number of partitions
	 * @param json the JSON mapper
	 */
	public ReplyReader(Map<String, Object> consumerConfig, String topic, int partitions, JsonMapper json) {
		super(consumerConfig, "publisher-replies");
		this.partition = new TopicPartition(topic, ThreadLocalRandom.current().nextInt(partitions));
		this.json = json;
	}

	/**
	 * @return the replies partition this instance reads
	 */
	int partition() {
		return this.partition.partition();
	}

	/**
	 * Registers a request that waits for an answer. Call before sending the command.
	 * @param correlationId the command's correlation id
	 * @return the answer, once it arrives
	 */
	CompletableFuture<CommandReply> expect(String correlationId) {
		CompletableFuture<CommandReply> reply = new CompletableFuture<>();
		this.waiting.put(correlationId, reply);
		return reply;
	}

	void forget(String correlationId) {
		this.waiting.remove(correlationId);
	}

	/**
	 * @return completed once the reader sits at the end of its partition; a command sent
	 * before could have its answer missed
	 */
	CompletableFuture<Void> positioned() {
		return this.positioned;
	}

	@Override
	protected void poll(KafkaConsumer<String, byte[]> consumer) {
		consumer.assign(List.of(this.partition));
		consumer.seekToEnd(List.of(this.partition));
		consumer.position(this.partition);
		this.positioned.complete(null);
		while (!Thread.currentThread().isInterrupted()) {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
				deliver(record);
			}
		}
	}

	@Override
	protected void failed(RuntimeException failure) {
		this.positioned.completeExceptionally(failure);
		logger.error("Reply reader failed; writes will time out until the publisher restarts", failure);
	}

	private void deliver(ConsumerRecord<String, byte[]> record) {
		CompletableFuture<CommandReply> reply = this.waiting.remove(record.key());
		if (reply == null) {
			return;
		}
		try {
			reply.complete(this.json.readValue(record.value(), CommandReply.class));
		}
		catch (JacksonException ex) {
			reply.completeExceptionally(ex);
		}
	}

}
