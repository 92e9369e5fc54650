package dev.newsroom.viewcounter.queries;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.client.RestClient;

/**
 * Counts answered from any instance: where this one is reached, and how counts are read
 * from their owners.
 */
@Configuration(proxyBeanMethods = false)
class QueriesConfiguration {

	@Bean
	AdvertisedServer advertisedServer(QuerySettings settings, StreamsBuilderFactoryBean streams) {
		return new AdvertisedServer(settings.advertisedHost(), streams);
	}

	@Bean
	ViewCounts viewCountQueries(StreamsBuilderFactoryBean streams, AdvertisedServer server, QuerySettings settings) {
		return new ViewCounts(streams, server, RestClient.builder(), settings.forwardTimeout());
	}

}
