package dev.newsroom.schemas;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Everything about a topic that its writer and its readers must agree on: its name, what
 * its keys and values are, how it is cleaned up, how many partitions it has, how many
 * replicas must hold a record before a write is acknowledged, and which service writes
 * it. {@link Topics} holds the declarations of the public topics; the services create
 * their topics from these declarations, and the AsyncAPI document and the README's topic
 * table are checked against them.
 *
 * @param name the topic's name
 * @param key what its keys are, in words (keys are UTF-8 strings)
 * @param value the type of its values: a generated Avro class, written in Confluent's
 * wire format under the subject {@code <name>-value}, or {@code byte[]} for a dead-letter
 * topic, which keeps records as they were
 * @param cleanup how old records go
 * @param partitions its partitions; for a keyed topic, part of the contract, since a
 * key's partition is its hash modulo this number
 * @param minInsyncReplicas the replicas that must hold a record before {@code acks=all}
 * succeeds, on a cluster with enough brokers (see
 * {@link #effectiveMinInsyncReplicas(int)})
 * @param writer the only service that writes it
 * @param configs its other topic settings, as Kafka names them (not
 * {@code cleanup.policy} nor {@code min.insync.replicas}, which have their own
 * components)
 */
public record TopicDeclaration(String name, String key, Class<?> value, Cleanup cleanup, int partitions,
		int minInsyncReplicas, String writer, Map<String, String> configs) {

	public TopicDeclaration {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(cleanup, "cleanup");
		Objects.requireNonNull(writer, "writer");
		Objects.requireNonNull(configs, "configs");
		if (partitions < 1 || minInsyncReplicas < 1) {
			throw new IllegalArgumentException(
					"Topic " + name + " needs at least one partition and one in-sync replica; it was declared with "
							+ partitions + " and " + minInsyncReplicas);
		}
		if (configs.containsKey(TopicConfig.CLEANUP_POLICY_CONFIG)
				|| configs.containsKey(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)) {
			throw new IllegalArgumentException("Topic " + name + " gives " + TopicConfig.CLEANUP_POLICY_CONFIG + " or "
					+ TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG + " among its configs; declare them as its cleanup and"
					+ " minInsyncReplicas instead");
		}
		configs = Map.copyOf(configs);
	}

	/**
	 * The {@code min.insync.replicas} the topic gets with a replication factor: the
	 * declared number, but never more than the replication factor less one (and never
	 * less than 1), so that one broker can be down without writes failing. With the usual
	 * replication factor of 3 and 2 declared, that is 2; on a single local broker, 1.
	 * @param replicationFactor the topic's replication factor
	 * @return the topic's {@code min.insync.replicas}
	 */
	public int effectiveMinInsyncReplicas(int replicationFactor) {
		return Math.max(1, Math.min(this.minInsyncReplicas, replicationFactor - 1));
	}

	/**
	 * All the topic's settings as Kafka names them, with the {@code min.insync.replicas}
	 * of a replication factor.
	 * @param replicationFactor the topic's replication factor
	 * @return {@code cleanup.policy}, {@code min.insync.replicas} and the other configs
	 */
	public Map<String, String> topicConfigs(int replicationFactor) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put(TopicConfig.CLEANUP_POLICY_CONFIG, this.cleanup.policy());
		all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
				Integer.toString(effectiveMinInsyncReplicas(replicationFactor)));
		all.putAll(this.configs);
		return all;
	}

	/**
	 * The topic to create with an admin client.
	 * @param replicationFactor its replication factor
	 * @return the topic, with every setting of {@link #topicConfigs(int)}
	 */
	public NewTopic newTopic(int replicationFactor) {
		return new NewTopic(this.name, this.partitions, (short) replicationFactor)
			.configs(topicConfigs(replicationFactor));
	}

	/**
	 * This declaration under another name, for a deployment that names its topics its own
	 * way, or a test that keeps its topics apart.
	 * @param otherName the name
	 * @return the same topic, named so
	 */
	public TopicDeclaration named(String otherName) {
		return new TopicDeclaration(otherName, this.key, this.value, this.cleanup, this.partitions,
				this.minInsyncReplicas, this.writer, this.configs);
	}

	/**
	 * This declaration with other partitions.
	 * @param otherPartitions the partitions
	 * @return the same topic, with as many partitions
	 */
	public TopicDeclaration withPartitions(int otherPartitions) {
		return new TopicDeclaration(this.name, this.key, this.value, this.cleanup, otherPartitions,
				this.minInsyncReplicas, this.writer, this.configs);
	}

	/**
	 * This declaration with another {@code min.insync.replicas}.
	 * @param otherMinInsyncReplicas the replicas that must hold a record, on a cluster
	 * with enough brokers
	 * @return the same topic, as durable as asked
	 */
	public TopicDeclaration withMinInsyncReplicas(int otherMinInsyncReplicas) {
		return new TopicDeclaration(this.name, this.key, this.value, this.cleanup, this.partitions,
				otherMinInsyncReplicas, this.writer, this.configs);
	}

	/**
	 * This declaration with some settings added or changed.
	 * @param moreConfigs the settings, as Kafka names them
	 * @return the same topic, with these settings over its own
	 */
	public TopicDeclaration withConfigs(Map<String, String> moreConfigs) {
		Map<String, String> merged = new LinkedHashMap<>(this.configs);
		merged.putAll(moreConfigs);
		return new TopicDeclaration(this.name, this.key, this.value, this.cleanup, this.partitions,
				this.minInsyncReplicas, this.writer, merged);
	}

	/** How a topic's old records go. */
	public enum Cleanup {

		/** Only the latest record per key is kept. */
		COMPACT("compact"),

		/** Records are deleted after the retention time. */
		DELETE("delete"),

		/** Only the latest record per key is kept, and that too expires. */
		COMPACT_DELETE("compact,delete");

		private final String policy;

		Cleanup(String policy) {
			this.policy = policy;
		}

		/**
		 * @return the {@code cleanup.policy} setting
		 */
		public String policy() {
			return this.policy;
		}

	}

}
