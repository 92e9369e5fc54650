package dev.newsroom.publisher.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.core.KafkaAdmin;

import dev.newsroom.publisher.PublisherProperties;
import dev.newsroom.support.kafka.DeclaredTopics;

/**
 * Creates the topics the publisher owns, as they are declared
 * ({@link PublisherProperties#declaredTopics()}), each with the
 * {@code min.insync.replicas} its declaration asks for. Spring Kafka's admin creates
 * missing topics at startup and brings the settings of existing ones in line.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.kafka.admin.auto-create", matchIfMissing = true)
class TopicsConfiguration {

	// Made when the admin asks for it, after every other bean: it asks the brokers, and a
	// configuration error should be reported before that.
	@Bean
	@Lazy
	KafkaAdmin.NewTopics publisherTopics(PublisherProperties properties, KafkaAdmin admin) {
		return DeclaredTopics.newTopics(admin, properties.declaredTopics().all());
	}

}
