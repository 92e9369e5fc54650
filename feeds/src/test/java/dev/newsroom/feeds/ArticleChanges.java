package dev.newsroom.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.events.article.Correction;
import dev.newsroom.events.article.Retraction;
import dev.newsroom.events.view.TrendingArticle;
import dev.newsroom.events.view.TrendingArticles;
import dev.newsroom.schemas.Topics;
import dev.newsroom.schemas.serde.AvroSerdeConfig;
import dev.newsroom.schemas.serde.SpecificAvroSerializer;
import dev.newsroom.testsupport.EmbeddedStack;

/**
 * Writes article events as the publisher does: each to {@code newsroom.articles} and
 * {@code newsroom.article-changes}, keyed by article id, in one Kafka transaction, so
 * that the feeds read them, transaction markers and all, as they would in production.
 */
public final class ArticleChanges implements AutoCloseable {

	/** The publisher's topics, with fewer partitions than its 6, and more than one. */
	public static final String ARTICLES = Topics.ARTICLES;

	/** Every change, kept forever: what the stream streams. */
	public static final String CHANGES = Topics.ARTICLE_CHANGES;

	/** The view counter's most-read lists. */
	public static final String TRENDING = Topics.TRENDING;

	private final KafkaProducer<String, SpecificRecord> producer;

	public ArticleChanges() {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers(),
				ProducerConfig.TRANSACTIONAL_ID_CONFIG, "feeds-tests-" + UUID.randomUUID(),
				AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.schemaRegistryUrl(),
				AvroSerdeConfig.BASIC_AUTH_USER_INFO, EmbeddedStack.registryUserInfo());
		SpecificAvroSerializer<SpecificRecord> serializer = new SpecificAvroSerializer<>();
		serializer.configure(config, false);
		this.producer = new KafkaProducer<>(config, new StringSerializer(), serializer);
		this.producer.initTransactions();
	}

	/**
	 * Creates the publisher's two public article topics and the view counter's most-read
	 * topic with 3 partitions each, unless they exist.
	 */
	public static void createTopics() {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()))) {
			for (String topic : List.of(ARTICLES, CHANGES, TRENDING)) {
				try {
					admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw new IllegalStateException("Could not create " + topic, ex);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes the events in one transaction, and waits for its commit.
	 * @param events the events
	 */
	public void write(ArticleEvent... events) {
		this.producer.beginTransaction();
		for (ArticleEvent event : events) {
			String key = event.getArticle().getId();
			this.producer.send(new ProducerRecord<>(ARTICLES, key, event));
			this.producer.send(new ProducerRecord<>(CHANGES, key, event));
		}
		this.producer.commitTransaction();
	}

	/**
	 * Writes a most-read list as the view counter does, keyed
	 * {@code <edition>/<section>|<window>}, and waits for its commit.
	 * @param edition its edition
	 * @param section its section
	 * @param window 1h or 24h
	 * @param ranked article ids and their views, most first
	 */
	public void writeMostRead(String edition, String section, String window, Map<String, Long> ranked) {
		Instant now = Instant.now();
		TrendingArticles list = TrendingArticles.newBuilder()
			.setEdition(edition)
			.setSection(section)
			.setWindow(window)
			.setWindowStart(now.minus(Duration.ofHours(24)))
			.setWindowEnd(now)
			.setArticles(ranked.entrySet()
				.stream()
				.map((entry) -> TrendingArticle.newBuilder()
					.setArticleId(entry.getKey())
					.setViews(entry.getValue())
					.build())
				.toList())
			.build();
		this.producer.beginTransaction();
		this.producer.send(new ProducerRecord<>(TRENDING, edition + "/" + section + "|" + window, list));
		this.producer.commitTransaction();
	}

	@Override
	public void close() {
		this.producer.close();
	}

	/**
	 * @param id the article's id
	 * @param version its version
	 * @param edition its edition
	 * @param section its section
	 * @param type what happened
	 * @return an event of that article as the publisher writes it
	 */
	public static ArticleEvent event(String id, long version, String edition, String section, ArticleEventType type) {
		Instant now = Instant.now();
		ArticleStatus status = switch (type) {
			case PUBLISHED, UPDATED -> ArticleStatus.PUBLISHED;
			case UNPUBLISHED -> ArticleStatus.UNPUBLISHED;
			case SCHEDULED -> ArticleStatus.SCHEDULED;
			default -> ArticleStatus.DRAFT;
		};
		Article article = Article.newBuilder()
			.setId(id)
			.setVersion(version)
			.setEdition(edition)
			.setSection(section)
			.setSlug("slug-" + id)
			.setCanonicalUrl("https://news.example/" + edition + "/" + section + "/slug-" + id)
			.setTitle("Title of " + id)
			.setLead("Lead of " + id + ".")
			.setBody("<p>Body of " + id + "</p>")
			.setPublishedAt((status == ArticleStatus.DRAFT || status == ArticleStatus.SCHEDULED) ? null : now)
			.setUpdatedAt(now)
			.setStatus(status)
			.setPublishAt((type == ArticleEventType.SCHEDULED) ? now.plusSeconds(3600) : null)
			.setRetraction((type == ArticleEventType.UNPUBLISHED)
					? Retraction.newBuilder().setReason("Withdrawn for legal reasons").setRetractedAt(now).build()
					: null)
			.build();
		return ArticleEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setType(type)
			.setOccurredAt(now)
			.setActor("editor-jane")
			.setArticle(article)
			.build();
	}

	/**
	 * @param event an UPDATED event
	 * @param note the public correction note
	 * @return the event as a public correction
	 */
	public static ArticleEvent corrected(ArticleEvent event, String note) {
		Correction correction = Correction.newBuilder()
			.setNote(note)
			.setVersion(event.getArticle().getVersion())
			.setCorrectedAt(event.getOccurredAt())
			.build();
		event.getArticle().setCorrections(List.of(correction));
		event.setCorrection(correction);
		return event;
	}

}
