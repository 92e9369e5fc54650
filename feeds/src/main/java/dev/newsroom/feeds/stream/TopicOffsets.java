package dev.newsroom.feeds.stream;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import reactor.core.publisher.Mono;

/**
 * Positions of the streamed topic that only the broker knows: where it ends, and where
 * records written at or after a given time begin.
 */
class TopicOffsets implements AutoCloseable {

	private static final ListOffsetsOptions COMMITTED = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);

	private final Admin admin;

	private final String topic;

	TopicOffsets(Admin admin, StreamSettings settings) {
		this.admin = admin;
		this.topic = settings.topic();
	}

	/**
	 * @param partitions the topic's partitions
	 * @return the position after the last committed record of each
	 */
	Mono<Position> end(Set<Integer> partitions) {
		return list(partitions, OffsetSpec.latest(), null);
	}

	/**
	 * @param time a time
	 * @param partitions the topic's partitions
	 * @param end the position to use for a partition with nothing written since
	 * @return the position of the first record of each partition written at or after the
	 * time (by the record's timestamp, the time the publisher wrote it)
	 */
	Mono<Position> since(Instant time, Set<Integer> partitions, Position end) {
		return list(partitions, OffsetSpec.forTimestamp(time.toEpochMilli()), end);
	}

	private Mono<Position> list(Set<Integer> partitions, OffsetSpec spec, Position fallback) {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((partition) -> request.put(new TopicPartition(this.topic, partition), spec));
		return Mono
			.fromFuture(this.admin.listOffsets(request, COMMITTED).all().toCompletionStage().toCompletableFuture())
			.map((result) -> {
				Map<Integer, Long> offsets = new HashMap<>();
				for (Map.Entry<TopicPartition, ListOffsetsResultInfo> entry : result.entrySet()) {
					int partition = entry.getKey().partition();
					long offset = entry.getValue().offset();
					offsets.put(partition, (offset >= 0 || fallback == null) ? offset : fallback.next(partition));
				}
				return new Position(offsets);
			});
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
