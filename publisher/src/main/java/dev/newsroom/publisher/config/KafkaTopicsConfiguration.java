package dev.newsroom.publisher.config;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the topics the publisher owns; Spring Kafka's admin creates them at startup if
 * they are missing.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

	@Bean
	NewTopic articlesTopic(PublisherProperties properties) {
		return properties.articlesTopic().compacted();
	}

}
