package dev.newsroom.registry.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.TopicBuilder;

/**
 * Creates the store topic if it is missing (compacted, one partition) and refuses to use
 * a topic that has more than one partition or is not compacted, since the registry needs
 * every change in one order and the latest value of every key forever.
 */
final class StoreTopic {

	private static final Logger logger = LoggerFactory.getLogger(StoreTopic.class);

	private final String name;

	private final int replicationFactor;

	private final Map<String, Object> adminConfig;

	private final Duration timeout;

	StoreTopic(String name, int replicationFactor, Map<String, Object> adminConfig, Duration timeout) {
		this.name = name;
		this.replicationFactor = replicationFactor;
		this.adminConfig = adminConfig;
		this.timeout = timeout;
	}

	String name() {
		return this.name;
	}

	/**
	 * Makes sure the topic exists and is fit to hold the registry's state.
	 * @throws MisconfiguredTopicException if the topic exists with more than one
	 * partition or without compaction
	 * @throws Exception if the brokers could not be asked
	 */
	void prepare() throws Exception {
		try (Admin admin = Admin.create(this.adminConfig)) {
			TopicDescription description = describe(admin);
			if (description == null) {
				create(admin);
				description = describe(admin);
				if (description == null) {
					throw new IllegalStateException("Topic '" + this.name + "' is still missing after creating it");
				}
			}
			verify(admin, description);
		}
	}

	private TopicDescription describe(Admin admin) throws Exception {
		try {
			return get(admin.describeTopics(List.of(this.name)).allTopicNames()).get(this.name);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				return null;
			}
			throw ex;
		}
	}

	private void create(Admin admin) throws Exception {
		int brokers = get(admin.describeCluster().nodes()).size();
		int replicas = this.replicationFactor;
		if (brokers < replicas) {
			logger.warn(
					"Creating topic '{}' with replication factor {} instead of the configured {}, because only {} "
							+ "broker(s) are live; raise it later with kafka-reassign-partitions for durability",
					this.name, brokers, replicas, brokers);
			replicas = Math.max(brokers, 1);
		}
		NewTopic topic = TopicBuilder.name(this.name).partitions(1).replicas(replicas).compact().build();
		try {
			get(admin.createTopics(List.of(topic)).all());
			logger.info("Created topic '{}' (compacted, 1 partition, replication factor {})", this.name, replicas);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	private void verify(Admin admin, TopicDescription description) throws Exception {
		int partitions = description.partitions().size();
		if (partitions != 1) {
			throw new MisconfiguredTopicException("Topic '" + this.name + "' has " + partitions
					+ " partitions, but the schema registry needs exactly 1 so that it reads every change in order. "
					+ "Point newsroom.registry.topic at another topic (it is created if missing), "
					+ "or delete this one if it holds nothing you need.");
		}
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, this.name);
		Config config = get(admin.describeConfigs(List.of(resource)).all()).get(resource);
		String cleanupPolicy = (config != null && config.get(TopicConfig.CLEANUP_POLICY_CONFIG) != null)
				? config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value() : "";
		if (!cleanupPolicy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)
				|| cleanupPolicy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
			throw new MisconfiguredTopicException("Topic '" + this.name + "' has cleanup.policy=" + cleanupPolicy
					+ ", but the schema registry needs cleanup.policy=compact, or it loses schemas when old segments "
					+ "are deleted. Set it with: kafka-configs --alter --entity-type topics --entity-name " + this.name
					+ " --add-config cleanup.policy=compact");
		}
	}

	private <T> T get(KafkaFuture<T> future) throws Exception {
		try {
			return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new TimeoutException("No answer from the Kafka brokers about topic '" + this.name + "' within "
					+ this.timeout + "; check spring.kafka.bootstrap-servers");
		}
	}

	/**
	 * The store topic exists but cannot hold the registry's state; an operator must act.
	 */
	static final class MisconfiguredTopicException extends RuntimeException {

		MisconfiguredTopicException(String message) {
			super(message);
		}

	}

}
