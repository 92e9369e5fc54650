package dev.newsroom.notifier.config;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import dev.newsroom.events.notification.Delivery;
import dev.newsroom.notifier.dispatch.DeliveryTracing;
import dev.newsroom.notifier.dispatch.Dispatcher;
import dev.newsroom.notifier.dispatch.MicrometerDeliveryTracing;
import dev.newsroom.notifier.ledger.DeliveryWrites;
import dev.newsroom.notifier.ledger.KafkaDeliveryWrites;
import dev.newsroom.notifier.ledger.Ledger;
import dev.newsroom.notifier.planning.ArticleEventsListener;
import dev.newsroom.notifier.planning.DeliveryPlanner;
import dev.newsroom.notifier.routing.Channels;
import dev.newsroom.notifier.routing.Routes;

/**
 * Wires the delivery engine: channels and routes from settings (a bad route stops the
 * notifier with a message naming it), the ledger view, the planner, the dispatcher, and a
 * health indicator that is DOWN while a channel is paused.
 */
@Configuration(proxyBeanMethods = false)
class NotifierConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(NotifierConfiguration.class);

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	Channels channels(NotifierProperties properties, Clock clock) {
		Channels channels = Channels.of(properties.channels(), properties.delivery().expireAfter(), clock);
		channels.all()
			.forEach((channel) -> logger.info("Channel {}: {} {}, pace {}", channel.channel().name(),
					channel.channel().platform().id(), channel.channel().target(), (channel.pacing() != null)
							? channel.pacing().limit() + " per " + channel.pacing().per() : "unlimited"));
		return channels;
	}

	@Bean
	Routes routes(NotifierProperties properties, Channels channels) {
		Routes routes = Routes.of(channels.names(), properties.routes());
		routes.describe().forEach((route) -> logger.info("Route {}", route));
		return routes;
	}

	@Bean
	Ledger ledger(KafkaProperties kafka, NotifierProperties properties, MeterRegistry meters) {
		return new Ledger(KafkaConfiguration.consumer(kafka, "unused", Delivery.class), properties.deliveries().name(),
				properties.deliveries().partitions(), meters);
	}

	@Bean
	DeliveryWrites deliveryWrites(KafkaTemplate<String, Delivery> kafkaTemplate, NotifierProperties properties) {
		// Spring Boot's template: idempotent and acks=all, without transactions.
		return new KafkaDeliveryWrites(kafkaTemplate, properties.deliveries().name(),
				properties.deliveries().partitions(), properties.delivery().ledgerTimeout());
	}

	@Bean
	DeliveryPlanner deliveryPlanner(Routes routes, Channels channels, NotifierProperties properties, Clock clock) {
		return new DeliveryPlanner(routes, channels, properties.maxEventAge(), clock);
	}

	@Bean
	ArticleEventsListener articleEventsListener(DeliveryPlanner planner, Ledger ledger, KafkaProperties kafka,
			NotifierProperties properties) {
		return new ArticleEventsListener(planner, ledger, KafkaConfiguration.plannerTemplate(kafka, properties),
				properties.deliveries().name(), properties.deliveries().partitions());
	}

	@Bean
	Dispatcher dispatcher(Channels channels, Ledger ledger, DeliveryWrites writes, NotifierProperties properties,
			Clock clock, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		Tracer traces = tracer.getIfAvailable();
		Propagator propagation = propagator.getIfAvailable();
		DeliveryTracing tracing = (traces != null && propagation != null)
				? new MicrometerDeliveryTracing(traces, propagation) : DeliveryTracing.NONE;
		return new Dispatcher(channels, ledger, writes, properties.delivery(), clock,
				properties.deliveries().partitions(), tracing);
	}

	@Bean
	HealthIndicator channelsHealthIndicator(Channels channels, Ledger ledger) {
		return () -> {
			Map<String, Object> paused = new LinkedHashMap<>();
			for (Channels.Configured channel : channels.all()) {
				ledger.pauseReason(channel.channel().name())
					.ifPresent((reason) -> paused.put(channel.channel().name(), reason));
			}
			return paused.isEmpty() ? Health.up().withDetail("channels", channels.names()).build()
					: Health.down().withDetails(paused).build();
		};
	}

	/**
	 * {@code newsroom.notifier.channel.paused{channel}}: 1 while a channel is paused for
	 * its credentials, 0 otherwise; alert on it, and read the reason from health or
	 * {@code GET /api/channels}.
	 */
	@Bean
	MeterBinder channelPauseGauges(Channels channels, Ledger ledger) {
		return (meters) -> {
			for (Channels.Configured channel : channels.all()) {
				String name = channel.channel().name();
				Gauge
					.builder("newsroom.notifier.channel.paused", ledger,
							(view) -> view.pauseReason(name).isPresent() ? 1 : 0)
					.description("1 while the channel is paused because its credentials were refused")
					.tag("channel", name)
					.register(meters);
			}
		};
	}

}
