package dev.newsroom.viewcounter.ingest;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

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

	@Bean
	ViewRecorder viewRecorder(KafkaTemplate<String, PageView> kafka, ViewCounterProperties properties,
			MeterRegistry meters) {
		return new ViewRecorder(kafka, properties.pageViewsTopic().name(), meters);
	}

}
