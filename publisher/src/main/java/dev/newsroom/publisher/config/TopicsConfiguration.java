package dev.newsroom.publisher.config;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import dev.newsroom.publisher.PublisherProperties;
import dev.newsroom.publisher.PublisherProperties.Topics;

/**
 * Declares the topics the publisher owns, each with {@code min.insync.replicas} set so
 * that {@code acks=all} means a record is on at least two replicas on a cluster of three
 * or more. Spring Kafka's admin creates missing topics at startup and brings the settings
 * of existing ones in line.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.kafka.admin.auto-create", matchIfMissing = true)
class TopicsConfiguration {

	private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	KafkaAdmin.NewTopics publisherTopics(PublisherProperties properties, KafkaAdmin admin) {
		int replicationFactor = defaultReplicationFactor(admin);
		Topics topics = properties.topics();
		return new KafkaAdmin.NewTopics(topics.articles().durable(replicationFactor).compacted(),
				topics.changes().durable(replicationFactor).deleting(),
				topics.commands().durable(replicationFactor).deleting(),
				topics.requests().durable(replicationFactor).compacted(),
				topics.replies().durable(replicationFactor).deleting(),
				topics.deadLetters().durable(replicationFactor).deleting());
	}

	/**
	 * @return the replication factor the brokers give a topic that does not name one
	 */
	private static int defaultReplicationFactor(KafkaAdmin kafkaAdmin) {
		try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
			Collection<Node> nodes = admin.describeCluster().nodes().get(LOOKUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER,
					Integer.toString(nodes.iterator().next().id()));
			Config config = admin.describeConfigs(List.of(broker))
				.all()
				.get(LOOKUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
				.get(broker);
			ConfigEntry entry = config.get("default.replication.factor");
			return Math.min(Integer.parseInt(entry.value()), nodes.size());
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("Could not read the brokers' default replication factor from "
					+ kafkaAdmin.getConfigurationProperties().get("bootstrap.servers")
					+ " to declare the publisher's topics. Check that Kafka is reachable.", ex);
		}
	}

}
