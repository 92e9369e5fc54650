package dev.newsroom.viewcounter;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.schemas.serde.AvroSerdeConfig;
import dev.newsroom.schemas.serde.SpecificAvroSerializer;
import dev.newsroom.testsupport.EmbeddedStack;

/**
 * Article events as the publisher writes them, for the view counter's tests, which need a
 * catalogue to count against.
 */
public final class ArticleEvents {

	private ArticleEvents() {
	}

	/**
	 * @param articleId the article's id, also its slug
	 * @param type what happened
	 * @param status where the article stands after it
	 * @param at when it happened
	 * @return the event
	 */
	public static ArticleEvent event(String articleId, ArticleEventType type, ArticleStatus status, Instant at) {
		return event(articleId, "en", "world", type, status, at);
	}

	/**
	 * @param articleId the article's id, also its slug
	 * @param edition its edition
	 * @param section its section
	 * @param type what happened
	 * @param status where the article stands after it
	 * @param at when it happened
	 * @return the event
	 */
	public static ArticleEvent event(String articleId, String edition, String section, ArticleEventType type,
			ArticleStatus status, Instant at) {
		Article article = Article.newBuilder()
			.setId(articleId)
			.setVersion(1)
			.setEdition(edition)
			.setSection(section)
			.setSlug(articleId)
			.setCanonicalUrl("https://news.example/" + edition + "/" + section + "/" + articleId)
			.setTitle("Title of " + articleId)
			.setLead("Lead.")
			.setBody("<p>Body</p>")
			.setPublishedAt(at)
			.setUpdatedAt(at)
			.setStatus(status)
			.build();
		return ArticleEvent.newBuilder()
			.setEventId(articleId + "-" + type + "-" + at.toEpochMilli())
			.setType(type)
			.setOccurredAt(at)
			.setActor("view-counter-tests")
			.setArticle(article)
			.build();
	}

	/**
	 * @return a producer of Avro records (idempotent, {@code acks=all}) to the embedded
	 * stack, registering schemas as the registry user
	 */
	public static KafkaProducer<String, SpecificRecord> producer() {
		return producer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()));
	}

	/**
	 * @param connection how to reach the broker: its bootstrap servers, and its security
	 * settings if any
	 * @return a producer of Avro records (idempotent, {@code acks=all}) to that broker,
	 * registering schemas in the embedded stack's registry as its user
	 */
	public static KafkaProducer<String, SpecificRecord> producer(Map<String, Object> connection) {
		Map<String, Object> config = new HashMap<>(connection);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.schemaRegistryUrl());
		config.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, EmbeddedStack.registryUserInfo());
		SpecificAvroSerializer<SpecificRecord> serializer = new SpecificAvroSerializer<>();
		serializer.configure(config, false);
		return new KafkaProducer<>(config, new StringSerializer(), serializer);
	}

	/**
	 * Writes an article event, keyed by its article's id, and waits for the broker.
	 * @param topic the catalogue topic
	 * @param event the event
	 */
	public static void publish(String topic, ArticleEvent event) {
		try (KafkaProducer<String, SpecificRecord> producer = producer()) {
			producer.send(new ProducerRecord<>(topic, event.getArticle().getId(), event)).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing the test article", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not publish the test article", ex);
		}
	}

}
