package dev.newsroom.feeds.stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.feeds.catalogue.Catalogue;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;

/**
 * The event stream's parts, with their Kafka clients built from {@code spring.kafka.*}.
 */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

	@Bean
	ChangeReader changeReader(KafkaProperties kafka, JsonMapper json, MeterRegistry meters) {
		SpecificAvroDeserializer<ArticleEvent> events = new SpecificAvroDeserializer<>(ArticleEvent.class);
		events.configure(kafka.buildConsumerProperties(), false);
		return new ChangeReader(events, new PublicEvents(json), meters);
	}

	@Bean
	ChangeLogHead changeLogHead(KafkaProperties kafka, StreamSettings settings, ChangeReader reader,
			MeterRegistry meters) {
		return new ChangeLogHead(kafka.buildConsumerProperties(), settings, reader, meters);
	}

	@Bean
	CatchUp catchUp(KafkaProperties kafka, StreamSettings settings, ChangeReader reader) {
		return new CatchUp(kafka.buildConsumerProperties(), settings, reader);
	}

	@Bean
	TopicOffsets topicOffsets(KafkaProperties kafka, StreamSettings settings) {
		return new TopicOffsets(Admin.create(kafka.buildAdminProperties()), settings);
	}

	@Bean
	StreamHealth streamHealthIndicator(ChangeLogHead head, Catalogue catalogue) {
		return new StreamHealth(head, catalogue);
	}

	@Bean
	ArticleStream articleStream(ChangeLogHead head, CatchUp catchUp, TopicOffsets offsets, Catalogue catalogue,
			StreamSettings settings) {
		return new ArticleStream(head, catchUp, offsets, catalogue, settings);
	}

}
