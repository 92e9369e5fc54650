package dev.newsroom.feeds.catalogue;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.view.TrendingArticles;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;

/**
 * The catalogue's readers, with their Kafka clients built from {@code spring.kafka.*}.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

	@Bean
	Catalogue catalogue(KafkaProperties kafka, CatalogueSettings settings) {
		SpecificAvroDeserializer<ArticleEvent> events = new SpecificAvroDeserializer<>(ArticleEvent.class);
		events.configure(kafka.buildConsumerProperties(), false);
		return new Catalogue(kafka.buildConsumerProperties(), settings.articlesTopic(), settings.editions(), events);
	}

	@Bean
	MostRead mostRead(KafkaProperties kafka, CatalogueSettings settings) {
		SpecificAvroDeserializer<TrendingArticles> lists = new SpecificAvroDeserializer<>(TrendingArticles.class);
		lists.configure(kafka.buildConsumerProperties(), false);
		return new MostRead(kafka.buildConsumerProperties(), settings.trendingTopic(), lists);
	}

}
