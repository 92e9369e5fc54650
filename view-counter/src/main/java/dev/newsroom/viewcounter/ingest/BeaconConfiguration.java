package dev.newsroom.viewcounter.ingest;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	@Bean
	ViewRecorder viewRecorder(KafkaTemplate<String, PageView> kafka, ViewCounterProperties properties,
			MeterRegistry meters) {
		return new ViewRecorder(kafka, properties.pageViews().name(), meters);
	}

}
