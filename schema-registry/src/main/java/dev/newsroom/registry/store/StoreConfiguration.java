package dev.newsroom.registry.store;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.newsroom.registry.RegistryProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Wires the store from Spring Boot's Kafka settings ({@code spring.kafka.*}, through the
 * auto-configured factories and admin) and the registry's own settings. The settings the
 * store's correctness depends on are fixed here, whatever the configuration says: the
 * producer is idempotent with {@code acks=all}, the reader has no consumer group and
 * starts from the beginning.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean
	RegistryState registryState() {
		return new RegistryState();
	}

	@Bean
	StoreReader storeReader(RegistryProperties properties, KafkaAdmin admin, ConsumerFactory<?, ?> consumerFactory,
			RegistryState state) {
		StoreTopic topic = new StoreTopic(properties.topic(), properties.topicReplicationFactor(),
				admin.getConfigurationProperties(), properties.writeTimeout());
		Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-reader");
		Supplier<Consumer<String, String>> consumers = () -> new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer());
		return new StoreReader(topic, consumers, state);
	}

	@Bean(destroyMethod = "close")
	StoreWriter storeWriter(RegistryProperties properties, ProducerFactory<?, ?> producerFactory) {
		Map<String, Object> config = new HashMap<>(producerFactory.getConfigurationProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.writeTimeout().toMillis());
		config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-writer");
		return new StoreWriter(new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()),
				properties.topic(), properties.writeTimeout());
	}

	@Bean
	SchemaStore schemaStore(RegistryState state, StoreReader reader, StoreWriter writer,
			RegistryProperties properties) {
		return new SchemaStore(state, reader, writer, properties.defaultCompatibility(), properties.writeTimeout());
	}

	@Bean
	StoreHealthIndicator schemaStoreHealthIndicator(StoreReader reader) {
		return new StoreHealthIndicator(reader);
	}

	/**
	 * Holds the application's startup (after the web server started, so health is visible
	 * meanwhile) until the store has read its topic, and fails it with a message that
	 * says why if that takes longer than {@code newsroom.registry.initial-read-timeout}.
	 */
	@Bean
	ApplicationRunner storeInitialRead(StoreReader reader, RegistryProperties properties) {
		return (arguments) -> reader.awaitCaughtUp(properties.initialReadTimeout());
	}

}
