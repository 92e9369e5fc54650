package dev.newsroom.support.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.apache.kafka.clients.admin.NewTopic;
import org.jspecify.annotations.Nullable;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;

/**
 * A topic a service owns: its name, and how many partitions and replicas it is created
 * with. Bound from configuration, so that operators can size topics per deployment.
 *
 * @param name the topic name
 * @param partitions the number of partitions; the upper bound of a consumer group's
 * parallelism
 * @param replicas the replication factor, or {@code null} for the broker's
 * {@code default.replication.factor} (3 on a production cluster, 1 on a single local
 * broker)
 */
public record TopicSpec(@NotBlank String name, @Min(1) int partitions, @Nullable @Min(1) Short replicas) {

	/**
	 * @return a {@link NewTopic} that deletes old records after the retention time
	 */
	public NewTopic deleting() {
		return builder().build();
	}

	/**
	 * @return a {@link NewTopic} that keeps the latest record per key
	 */
	public NewTopic compacted() {
		return builder().config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
	}

	private TopicBuilder builder() {
		TopicBuilder builder = TopicBuilder.name(this.name).partitions(this.partitions);
		return (this.replicas != null) ? builder.replicas(this.replicas) : builder;
	}

}
