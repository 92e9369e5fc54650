package dev.newsroom.support.kafka;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
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
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaAdmin;

import dev.newsroom.schemas.TopicDeclaration;

/**
 * Turns a service's topic declarations into the topics Spring Kafka's admin creates at
 * startup (and whose settings it brings in line, with
 * {@code spring.kafka.admin.modify-topic-configs}). Each gets the brokers' default
 * replication factor and the {@code min.insync.replicas} its declaration asks for at that
 * factor ({@link TopicDeclaration#effectiveMinInsyncReplicas(int)}): 2 on a cluster of
 * three, 1 on a single local broker.
 */
public final class DeclaredTopics {

	private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(30);

	private DeclaredTopics() {
	}

	/**
	 * @param kafkaAdmin the service's admin
	 * @param declarations the topics, as this deployment has them
	 * @return the topics to create, as one bean
	 */
	public static KafkaAdmin.NewTopics newTopics(KafkaAdmin kafkaAdmin, TopicDeclaration... declarations) {
		int replicationFactor = defaultReplicationFactor(kafkaAdmin);
		return new KafkaAdmin.NewTopics(List.of(declarations)
			.stream()
			.map((declaration) -> declaration.newTopic(replicationFactor))
			.toArray(NewTopic[]::new));
	}

	/**
	 * @return the replication factor the brokers give a topic that does not name one, at
	 * most the number of brokers
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
			throw new IllegalStateException(
					whyNot(ex, kafkaAdmin.getConfigurationProperties().get("bootstrap.servers")), ex);
		}
	}

	/**
	 * @return what went wrong in the first contact with the brokers, and what to check
	 */
	static String whyNot(Throwable failure, @Nullable Object bootstrapServers) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SaslAuthenticationException) {
				return "Kafka refused this service's credentials at " + bootstrapServers + ": " + cause.getMessage()
						+ ". Check the user and password in spring.kafka.properties.sasl.jaas.config, and the "
						+ "mechanism in spring.kafka.properties.sasl.mechanism.";
			}
			if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
				return "The TLS handshake with Kafka failed at " + bootstrapServers
						+ ": the brokers' certificate is not valid now (" + cause.getMessage()
						+ "). Renew the brokers' certificates, and check this machine's clock.";
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SslAuthenticationException) {
				return "The TLS handshake with Kafka failed at " + bootstrapServers + ": "
						+ NestedExceptionUtils.getMostSpecificCause(cause).getMessage()
						+ ". Check that spring.kafka.ssl.trust-store-location holds the certificate of the brokers' "
						+ "certificate authority, and that the brokers' certificates are valid now and name the "
						+ "host in spring.kafka.bootstrap-servers.";
			}
		}
		return "Could not read the brokers' default replication factor from " + bootstrapServers
				+ " to declare this service's topics. Check that Kafka is reachable.";
	}

}
