package dev.newsroom.viewcounter.queries;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

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
	RestoringStores restoringStores() {
		return new RestoringStores();
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer restoringStoresListener(RestoringStores restoring) {
		return (factoryBean) -> factoryBean.setStateRestoreListener(restoring);
	}

	@Bean
	StoreOwners storeOwners(StreamsBuilderFactoryBean streams, AdvertisedServer server, QuerySettings settings,
			RestoringStores restoring) {
		return new StoreOwners(streams, server, settings.forwardTimeout(), restoring);
	}

	@Bean
	ViewCounts viewCountQueries(StoreOwners owners) {
		return new ViewCounts(owners);
	}

	@Bean
	ViewsByHour viewsByHour(StoreOwners owners, Clock clock) {
		return new ViewsByHour(owners, clock);
	}

	@Bean
	MostRead mostRead(StoreOwners owners, Clock clock) {
		return new MostRead(owners, clock);
	}

}
