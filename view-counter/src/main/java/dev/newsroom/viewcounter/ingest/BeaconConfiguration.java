package dev.newsroom.viewcounter.ingest;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

import dev.newsroom.events.view.PageView;
import dev.newsroom.support.web.RequestBodyLimitFilter;
import dev.newsroom.viewcounter.config.ViewCounterProperties;

/**
 * The beacon's parts: the body limit, the traffic classifier, visitor ids, the rate
 * limiter and the recorder.
 */
@Configuration(proxyBeanMethods = false)
class BeaconConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(BeaconConfiguration.class);

	private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(60);

	private static final Duration WARM_UP_PAUSE = Duration.ofMillis(200);

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> beaconBodyLimit(BeaconSettings settings) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(settings.maxBodyBytes()));
		registration.addUrlPatterns("/api/views");
		return registration;
	}

	@Bean
	TrafficClassifier trafficClassifier(BeaconSettings settings) {
		return new TrafficClassifier(settings.classifierCacheSize());
	}

	@Bean
	VisitorIds visitorIds(BeaconSettings settings, Clock clock) {
		if (settings.visitorSecret().isEmpty()) {
			logger.warn("No NEWSROOM_VISITOR_SECRET: visitors without a cookie are hashed with a secret of this "
					+ "process only. With more than one view-counter instance, set the same secret on each.");
		}
		return new VisitorIds(settings.visitorSecret(), settings.site(), clock);
	}

	@Bean
	BeaconRateLimiter beaconRateLimiter(BeaconSettings settings) {
		return new BeaconRateLimiter(settings.perVisitorPerMinute(), settings.perAddressPerMinute(),
				settings.trackedClients());
	}

	/**
	 * Replaces Spring's {@code LoggingProducerListener}, which logs every failed send at
	 * ERROR with its record: while the broker is away that is a line per refused beacon.
	 * The recorder reports failures itself: a full buffer is a 503 to the page, and a
	 * view lost after its 202 is counted and logged once.
	 */
	@Bean
	ProducerListener<Object, Object> beaconProducerListener() {
		return new ProducerListener<>() {
		};
	}

	/**
	 * Holds the instance back from readiness until the beacon's producer knows the page
	 * views topic's partitions. The producer waits at most {@code max.block.ms} (250 ms)
	 * for them on a send, less than a first connection over TLS and SASL can take, so
	 * without this the first beacons after a start could be answered 503 by an instance
	 * that already said it was ready. Spring marks the instance ready once runners end.
	 */
	@Bean
	ApplicationRunner beaconProducerWarmUp(KafkaTemplate<String, PageView> kafka, ViewCounterProperties properties) {
		return (arguments) -> {
			String topic = properties.pageViews().name();
			long deadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
			while (true) {
				String missing;
				try {
					if (!kafka.partitionsFor(topic).isEmpty()) {
						return;
					}
					missing = "no partitions";
				}
				catch (KafkaException ex) {
					missing = ex.getMessage();
				}
				if (System.nanoTime() > deadline) {
					logger.warn("The beacon's producer still has no metadata for {} after {}: beacons are "
							+ "answered 503 until Kafka answers ({})", topic, WARM_UP_LIMIT, missing);
					return;
				}
				Thread.sleep(WARM_UP_PAUSE.toMillis());
			}
		};
	}

	@Bean
	ViewRecorder viewRecorder(KafkaTemplate<String, PageView> kafka, ViewCounterProperties properties,
			MeterRegistry meters) {
		return new ViewRecorder(kafka, properties.pageViews().name(), meters);
	}

}
