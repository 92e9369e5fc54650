package dev.newsroom.publisher.config;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.publisher.PublisherProperties;
import dev.newsroom.publisher.catalogue.ArticleHistory;
import dev.newsroom.publisher.catalogue.Catalogue;
import dev.newsroom.publisher.catalogue.ReadModelFeed;
import dev.newsroom.publisher.catalogue.RequestLog;
import dev.newsroom.publisher.lifecycle.ArticleDecider;
import dev.newsroom.publisher.lifecycle.CommandGateway;
import dev.newsroom.publisher.lifecycle.CommandProcessor;
import dev.newsroom.publisher.lifecycle.PartitionOwnership;
import dev.newsroom.publisher.lifecycle.ReplyReader;
import dev.newsroom.publisher.lifecycle.ScheduledPublications;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;
import dev.newsroom.schemas.serde.SpecificAvroSerializer;

/**
 * Wires the article lifecycle: the read models and their feed, the gateway that sends
 * commands and reads replies, and the single writer that applies them in Kafka
 * transactions (exactly once: the commands' offsets commit with the events).
 */
@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

	@Bean
	ArticleDecider articleDecider(PublisherProperties properties) {
		return new ArticleDecider(properties.siteUrl());
	}

	@Bean
	Catalogue catalogue() {
		return new Catalogue();
	}

	@Bean
	ArticleHistory articleHistory() {
		return new ArticleHistory();
	}

	@Bean
	RequestLog requestLog(PublisherProperties properties) {
		return new RequestLog(properties.idempotencyRetention());
	}

	@Bean
	ReadModelFeed readModelFeed(KafkaProperties kafka, PublisherProperties properties, Catalogue catalogue,
			ArticleHistory history, RequestLog requests, JsonMapper json, Clock clock, MeterRegistry meters) {
		SpecificAvroDeserializer<ArticleEvent> events = new SpecificAvroDeserializer<>(ArticleEvent.class);
		events.configure(kafka.buildConsumerProperties(), false);
		ReadModelFeed feed = new ReadModelFeed(unmanagedConsumer(kafka), properties.declaredTopics(), catalogue,
				history, requests, events, json, clock);
		feed.measureWith(meters);
		return feed;
	}

	@Bean
	ReplyReader replyReader(KafkaProperties kafka, PublisherProperties properties, JsonMapper json,
			MeterRegistry meters) {
		Map<String, Object> consumer = unmanagedConsumer(kafka);
		// Replies are written in transactions and read committed: a fetch that waits for
		// them returns only when its wait ends, not when the transaction commits. A short
		// wait keeps the answer to the editor from waiting for it.
		consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
		ReplyReader replies = new ReplyReader(consumer, properties.declaredTopics().replies().name(),
				properties.declaredTopics().replies().partitions(), json);
		replies.measureWith(meters);
		return replies;
	}

	/**
	 * Sends editors' commands with Kafka observation on, so that each carries the trace
	 * context of the request that sent it; the writer carries it over to the events.
	 */
	@Bean
	KafkaTemplate<String, byte[]> commandsTemplate(KafkaProperties kafka) {
		KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer()));
		template.setObservationEnabled(true);
		return template;
	}

	@Bean
	CommandGateway commandGateway(KafkaTemplate<String, byte[]> commandsTemplate, ReplyReader replies, JsonMapper json,
			PublisherProperties properties) {
		return new CommandGateway(commandsTemplate, replies, json, properties);
	}

	@Bean
	ScheduledPublications scheduledPublications(Catalogue catalogue, CommandGateway gateway, Clock clock,
			PublisherProperties properties) {
		return new ScheduledPublications(catalogue, gateway, clock,
				properties.declaredTopics().articles().partitions());
	}

	@Bean
	DefaultKafkaProducerFactory<String, byte[]> writerProducerFactory(KafkaProperties kafka,
			PublisherProperties properties) {
		DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(
				kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
		// Unique per instance, so that instances never fence each other; zombies of one
		// instance are fenced through the consumer group's generation.
		factory.setTransactionIdPrefix("newsroom-publisher-" + properties.instanceId() + "-");
		return factory;
	}

	@Bean
	KafkaTransactionManager<String, byte[]> writerTransactionManager(
			DefaultKafkaProducerFactory<String, byte[]> writerProducerFactory) {
		return new KafkaTransactionManager<>(writerProducerFactory);
	}

	@Bean
	CommandProcessor commandProcessor(DefaultKafkaProducerFactory<String, byte[]> writerProducerFactory,
			KafkaProperties kafka, PublisherProperties properties, ArticleDecider decider, Catalogue catalogue,
			ArticleHistory history, RequestLog requests, ScheduledPublications schedules, JsonMapper json, Clock clock,
			MeterRegistry meters) {
		Map<String, Object> producer = kafka.buildProducerProperties();
		SpecificAvroSerializer<ArticleEvent> events = new SpecificAvroSerializer<>();
		events.configure(producer, false);
		int maxRecordBytes = Integer
			.parseInt(producer.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024).toString());
		return new CommandProcessor(new KafkaTemplate<>(writerProducerFactory), events, decider, catalogue, history,
				requests, schedules, properties.declaredTopics(), json, clock, maxRecordBytes, meters);
	}

	@Bean
	PartitionOwnership partitionOwnership(ReadModelFeed feed, ScheduledPublications schedules,
			PublisherProperties properties) {
		return new PartitionOwnership(feed, schedules, properties.declaredTopics());
	}

	@Bean
	ConcurrentMessageListenerContainer<String, byte[]> commandListener(KafkaProperties kafka,
			PublisherProperties properties, KafkaTransactionManager<String, byte[]> writerTransactionManager,
			PartitionOwnership ownership, CommandProcessor processor, MeterRegistry meters) {
		Map<String, Object> consumer = kafka.buildConsumerProperties();
		consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(consumer,
				new StringDeserializer(), new ByteArrayDeserializer());
		// The consumer's own metrics (lag among them) on /actuator/prometheus.
		consumers.addListener(new MicrometerConsumerListener<>(meters));
		factory.setConsumerFactory(consumers);
		factory.setBatchListener(true);
		factory.getContainerProperties().setKafkaAwareTransactionManager(writerTransactionManager);
		factory.getContainerProperties().setConsumerRebalanceListener(ownership);
		// A transient failure (registry or broker unavailable) aborts the batch, which is
		// read again after a back-off; it never skips a command.
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(5_000);
		factory.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(backOff));
		ConcurrentMessageListenerContainer<String, byte[]> container = factory
			.createContainer(properties.declaredTopics().commands().name());
		container.setBeanName("publisher-writer");
		container.setupMessageListener((BatchMessageListener<String, byte[]>) processor::process);
		return container;
	}

	private static Map<String, Object> unmanagedConsumer(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return config;
	}

}
