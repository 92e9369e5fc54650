package dev.newsroom.notifier.config;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import dev.newsroom.notifier.delivery.DeliveryLog.DeliveriesTopic;
import dev.newsroom.support.kafka.DeadLetters;
import dev.newsroom.support.kafka.TransientFailures;

/**
 * The notifier's topics, and what happens to an article event it cannot handle: a record
 * that does not deserialize goes straight to the dead-letter topic, as raw bytes, with
 * the reason and its origin (topic, partition, offset) in headers; a transient failure
 * (the registry or the broker unavailable) is retried until it passes; any other failure
 * is retried with backoff and then dead-lettered. The consumer carries on.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic deliveriesTopic(NotifierProperties properties) {
		return properties.deliveriesTopic().deleting();
	}

	@Bean
	NewTopic notifierDeadLetterTopic(NotifierProperties properties) {
		return properties.deadLetterTopic().deleting();
	}

	@Bean
	DeliveriesTopic deliveriesTopicName(NotifierProperties properties) {
		return new DeliveriesTopic(properties.deliveriesTopic().name(), properties.delivery().auditTimeout());
	}

	@Bean
	DeadLetterPublishingRecoverer articleEventDeadLetters(KafkaTemplate<?, ?> template,
			ProducerFactory<?, ?> producerFactory, NotifierProperties properties) {
		return DeadLetters.recoverer(properties.deadLetterTopic().name(), producerFactory, template);
	}

	@Bean
	DefaultErrorHandler articleEventErrorHandler(DeadLetterPublishingRecoverer articleEventDeadLetters,
			NotifierProperties properties) {
		NotifierProperties.Delivery delivery = properties.delivery();
		ExponentialBackOff backOff = new ExponentialBackOff(delivery.redeliveryBackoff().toMillis(), 2.0);
		backOff.setMaxElapsedTime(delivery.redeliveryLimit().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(articleEventDeadLetters, backOff);
		TransientFailures.retryTransientDeserializationFailures(handler);
		// While the registry or the broker is away, retry without end rather than
		// dead-letter good events.
		handler.setBackOffFunction((record, ex) -> TransientFailures.isTransient(ex)
				? new FixedBackOff(delivery.redeliveryLimit().toMillis() / 10, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
		return handler;
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
