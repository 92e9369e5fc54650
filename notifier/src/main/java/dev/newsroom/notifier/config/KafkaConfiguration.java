package dev.newsroom.notifier.config;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.notification.Delivery;
import dev.newsroom.notifier.dispatch.Dispatcher;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;
import dev.newsroom.support.kafka.DeadLetters;
import dev.newsroom.support.kafka.DeclaredTopics;
import dev.newsroom.support.kafka.TransientFailures;

/**
 * The notifier's topics and consumers. Article events are read by the planner's group
 * ({@code spring.kafka.consumer.group-id}, {@code newsroom-notifier}) and the ledger by
 * the dispatcher's (the same with {@code -dispatch}); both read committed records only,
 * and both send a record that does not deserialize straight to the dead-letter topic, as
 * raw bytes, with the reason and its origin in headers, while a transient failure (the
 * registry or the broker unavailable) is retried until it passes. The planner writes in
 * Kafka transactions, with a transactional id made of this instance's id.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	// Made when the admin asks for it, after every other bean: it asks the brokers, and a
	// configuration error should be reported before that.
	@Bean
	@Lazy
	KafkaAdmin.NewTopics notifierTopics(NotifierProperties properties, KafkaAdmin admin) {
		return DeclaredTopics.newTopics(admin, properties.deliveries(), properties.deadLetters());
	}

	@Bean
	DeadLetterPublishingRecoverer notifierDeadLetters(KafkaTemplate<?, ?> template,
			ProducerFactory<?, ?> producerFactory, NotifierProperties properties) {
		return DeadLetters.recoverer(properties.deadLetters().name(), producerFactory, template);
	}

	@Bean
	DefaultErrorHandler notifierErrorHandler(DeadLetterPublishingRecoverer notifierDeadLetters) {
		ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
		backOff.setMaxElapsedTime(60_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(notifierDeadLetters, backOff);
		TransientFailures.retryTransientDeserializationFailures(handler);
		// While the registry or the broker is away, retry without end rather than
		// dead-letter good records.
		handler.setBackOffFunction((record, ex) -> TransientFailures.isTransient(ex)
				? new FixedBackOff(5000, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
		return handler;
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, ArticleEvent> articleEventsListenerFactory(KafkaProperties kafka,
			DefaultErrorHandler notifierErrorHandler, MeterRegistry meters) {
		ConcurrentKafkaListenerContainerFactory<String, ArticleEvent> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(measured(
				new DefaultKafkaConsumerFactory<>(consumer(kafka, plannerGroup(kafka), ArticleEvent.class)), meters));
		factory.setCommonErrorHandler(notifierErrorHandler);
		factory.setBatchListener(true);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
		return factory;
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, Delivery> ledgerListenerFactory(KafkaProperties kafka,
			DefaultErrorHandler notifierErrorHandler, Dispatcher dispatcher, MeterRegistry meters) {
		ConcurrentKafkaListenerContainerFactory<String, Delivery> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(measured(
				new DefaultKafkaConsumerFactory<>(consumer(kafka, plannerGroup(kafka) + "-dispatch", Delivery.class)),
				meters));
		factory.setCommonErrorHandler(notifierErrorHandler);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
		factory.getContainerProperties().setConsumerRebalanceListener(dispatcher);
		return factory;
	}

	/**
	 * The planner's producer: transactional, with a transactional id that stays the same
	 * across restarts of this instance, and a short transaction timeout, so that a
	 * transaction left open by a crash holds back read-committed readers only briefly.
	 * Not a bean: a second template or producer factory bean would replace Spring Boot's,
	 * which the ledger writes and dead letters use without transactions.
	 */
	static KafkaTemplate<String, Delivery> plannerTemplate(KafkaProperties kafka, NotifierProperties properties) {
		Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
		producer.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
		DefaultKafkaProducerFactory<String, Delivery> factory = new DefaultKafkaProducerFactory<>(producer);
		factory.setTransactionIdPrefix("newsroom-notifier-planner-" + properties.instanceId() + "-");
		return new KafkaTemplate<>(factory);
	}

	private static String plannerGroup(KafkaProperties kafka) {
		String group = kafka.getConsumer().getGroupId();
		return (group != null) ? group : "newsroom-notifier";
	}

	static Map<String, Object> consumer(KafkaProperties kafka, String group, Class<?> valueType) {
		Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
		consumer.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, SpecificAvroDeserializer.class);
		consumer.put("specific.avro.value.type", valueType.getName());
		return consumer;
	}

	/** The consumers' own metrics (lag among them) on {@code /actuator/prometheus}. */
	private static <K, V> DefaultKafkaConsumerFactory<K, V> measured(DefaultKafkaConsumerFactory<K, V> consumers,
			MeterRegistry meters) {
		consumers.addListener(new MicrometerConsumerListener<>(meters));
		return consumers;
	}

}
