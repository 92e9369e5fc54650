package dev.newsroom.support.kafka;

import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.apache.kafka.clients.admin.NewTopic;
import org.jspecify.annotations.Nullable;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;

/**
 * A topic a service owns: its name, how many partitions and replicas it is created with,
 * and how many replicas must hold a record before {@code acks=all} succeeds. Bound from
 * configuration, so that operators can size topics per deployment.
 *
 * @param name the topic name
 * @param partitions the number of partitions; the upper bound of a consumer group's
 * parallelism
 * @param replicas the replication factor, or {@code null} for the broker's
 * {@code default.replication.factor} (3 on a production cluster, 1 on a single local
 * broker)
 * @param minInsyncReplicas the topic's {@code min.insync.replicas}, or {@code null} to
 * leave the broker's default; see {@link #durable(int)}
 * @param configs further topic settings, such as {@code retention.ms}, or {@code null}
 */
public record TopicSpec(@NotBlank String name, @Min(1) int partitions, @Nullable @Min(1) Short replicas,
		@Nullable @Min(1) Short minInsyncReplicas, @Nullable Map<String, String> configs) {

	/**
	 * @return a {@link NewTopic} that deletes old records after the retention time
	 */
	public NewTopic deleting() {
		return builder(TopicConfig.CLEANUP_POLICY_DELETE).build();
	}

	/**
	 * @return a {@link NewTopic} that keeps the latest record per key
	 */
	public NewTopic compacted() {
		return builder(TopicConfig.CLEANUP_POLICY_COMPACT).build();
	}

	/**
	 * Makes {@code acks=all} mean something: unless {@code minInsyncReplicas} is set, a
	 * write must reach {@code replicationFactor - 1} replicas, at least 1 and at most 2
	 * (so 2 of 3 on a production cluster, 1 on a single local broker).
	 * @param replicationFactor the replication factor the topic is created with: its
	 * {@code replicas}, or the broker's default when that is {@code null}
	 * @return this spec with {@code minInsyncReplicas} set
	 */
	public TopicSpec durable(int replicationFactor) {
		if (this.minInsyncReplicas != null) {
			return this;
		}
		int effective = (this.replicas != null) ? this.replicas : replicationFactor;
		short min = (short) Math.max(1, Math.min(2, effective - 1));
		return new TopicSpec(this.name, this.partitions, this.replicas, min, this.configs);
	}

	/**
	 * @param cleanupPolicy the cleanup policy, unless {@code configs} names another
	 */
	private TopicBuilder builder(String cleanupPolicy) {
		TopicBuilder builder = TopicBuilder.name(this.name)
			.partitions(this.partitions)
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy);
		if (this.replicas != null) {
			builder.replicas(this.replicas);
		}
		if (this.minInsyncReplicas != null) {
			builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, this.minInsyncReplicas.toString());
		}
		if (this.configs != null) {
			builder.configs(this.configs);
		}
		return builder;
	}

}
