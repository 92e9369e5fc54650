package dev.newsroom.support.kafka;

import java.util.Map;

import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;

import dev.newsroom.schemas.TopicDeclaration;

/**
 * What a deployment changes of a declared topic, bound from configuration: another name
 * (to keep environments or tests apart), other partitions, another
 * {@code min.insync.replicas}, or further settings such as {@code retention.ms}. Whatever
 * is left out is as the topic's declaration says; the declarations of the public topics
 * are in {@link dev.newsroom.schemas.Topics}.
 *
 * @param name the topic's name, or {@code null} for the declared one
 * @param partitions its partitions, or {@code null} for the declared number
 * @param minInsyncReplicas its {@code min.insync.replicas} on a cluster with enough
 * brokers, or {@code null} for the declared number
 * @param configs settings over the declared ones, or {@code null}
 */
public record TopicOverrides(@Nullable String name, @Nullable @Min(1) Integer partitions,
		@Nullable @Min(1) Integer minInsyncReplicas, @Nullable Map<String, String> configs) {

	/**
	 * @param declared the topic as declared
	 * @return the topic as this deployment has it
	 */
	public TopicDeclaration applyTo(TopicDeclaration declared) {
		TopicDeclaration topic = declared;
		if (this.name != null && !this.name.isBlank()) {
			topic = topic.named(this.name);
		}
		if (this.partitions != null) {
			topic = topic.withPartitions(this.partitions);
		}
		if (this.minInsyncReplicas != null) {
			topic = topic.withMinInsyncReplicas(this.minInsyncReplicas);
		}
		if (this.configs != null) {
			topic = topic.withConfigs(this.configs);
		}
		return topic;
	}

}
