package dev.newsroom.notifier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.events.article.Correction;
import dev.newsroom.events.article.Retraction;
import dev.newsroom.schemas.serde.AvroSerdeConfig;
import dev.newsroom.schemas.serde.SpecificAvroSerializer;
import dev.newsroom.testsupport.EmbeddedStack;

/**
 * Article lifecycle events as the publisher writes them, and a producer that writes them
 * to the embedded stack.
 */
public final class ArticleEvents {

	private ArticleEvents() {
	}

	public static ArticleEvent published(String edition, String title) {
		String id = UUID.randomUUID().toString();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Article article = Article.newBuilder()
			.setId(id)
			.setVersion(1)
			.setEdition(edition)
			.setSection("world")
			.setSlug("s-" + id.substring(0, 8))
			.setCanonicalUrl("https://news.example.com/" + edition + "/world/s-" + id.substring(0, 8))
			.setTitle(title)
			.setLead("Cats & mice.")
			.setBody("<p>Body</p>")
			.setPublishedAt(now)
			.setUpdatedAt(now)
			.setStatus(ArticleStatus.PUBLISHED)
			.build();
		return ArticleEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setType(ArticleEventType.PUBLISHED)
			.setOccurredAt(now)
			.setActor("editor-1")
			.setArticle(article)
			.build();
	}

	public static ArticleEvent corrected(ArticleEvent previous, String note) {
		ArticleEvent event = next(previous, ArticleEventType.UPDATED);
		Correction correction = new Correction(note, event.getArticle().getVersion(), event.getOccurredAt());
		event.getArticle().getCorrections().add(correction);
		event.setCorrection(correction);
		return event;
	}

	public static ArticleEvent retracted(ArticleEvent previous, String reason) {
		ArticleEvent event = next(previous, ArticleEventType.UNPUBLISHED);
		event.getArticle().setStatus(ArticleStatus.UNPUBLISHED);
		event.getArticle().setRetraction(new Retraction(reason, event.getOccurredAt()));
		return event;
	}

	private static ArticleEvent next(ArticleEvent previous, ArticleEventType type) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Article article = Article.newBuilder(previous.getArticle())
			.setVersion(previous.getArticle().getVersion() + 1)
			.setUpdatedAt(now)
			.setCorrections(new java.util.ArrayList<>(previous.getArticle().getCorrections()))
			.build();
		return ArticleEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setType(type)
			.setOccurredAt(now)
			.setActor("editor-1")
			.setArticle(article)
			.build();
	}

	/**
	 * @return a producer of article events to the embedded stack
	 */
	public static KafkaProducer<String, ArticleEvent> producer() {
		return producer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()));
	}

	/**
	 * @param connection how to reach the broker: its bootstrap servers, and its security
	 * settings if any
	 * @return a producer of article events to that broker, with the embedded stack's
	 * registry
	 */
	public static KafkaProducer<String, ArticleEvent> producer(Map<String, Object> connection) {
		Map<String, Object> config = new HashMap<>(connection);
		config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.schemaRegistryUrl());
		config.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, EmbeddedStack.registryUserInfo());
		SpecificAvroSerializer<ArticleEvent> serializer = new SpecificAvroSerializer<>();
		serializer.configure(config, false);
		return new KafkaProducer<>(config, new StringSerializer(), serializer);
	}

	public static void publish(KafkaProducer<String, ArticleEvent> producer, String topic, ArticleEvent event) {
		publish(producer, new ProducerRecord<>(topic, event.getArticle().getId(), event));
	}

	/**
	 * Sends an article event and waits for the broker's acknowledgement.
	 * @param producer a producer from {@link #producer()}
	 * @param record the event's record, with its headers
	 */
	public static void publish(KafkaProducer<String, ArticleEvent> producer,
			ProducerRecord<String, ArticleEvent> record) {
		try {
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish the test event", ex);
		}
	}

}
