package dev.newsroom.publisher.publishing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.Author;
import dev.newsroom.events.article.Image;
import dev.newsroom.publisher.config.PublisherProperties;
import dev.newsroom.support.kafka.Acknowledgements;
import dev.newsroom.support.kafka.Acknowledgements.NotAcknowledgedException;

/**
 * Publishes articles: turns a {@link PublishArticle} into an {@link ArticleEvent} keyed
 * by article id and returns only once the broker has acknowledged it to all in-sync
 * replicas.
 */
@Service
class ArticlePublisher {

	private static final Logger logger = LoggerFactory.getLogger(ArticlePublisher.class);

	private final KafkaTemplate<String, ArticleEvent> kafka;

	private final PublisherProperties properties;

	private final Clock clock;

	ArticlePublisher(KafkaTemplate<String, ArticleEvent> kafka, PublisherProperties properties, Clock clock) {
		this.kafka = kafka;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Publishes a new article as version 1.
	 * @param command the validated article
	 * @param actor who publishes it
	 * @return the acknowledged publication
	 * @throws ArticleNotPublishedException if the broker did not acknowledge the event
	 */
	PublishedArticle publish(PublishArticle command, String actor) {
		String articleId = UUID.randomUUID().toString();
		ArticleEvent event = published(articleId, command, actor);
		String topic = this.properties.articlesTopic().name();
		RecordMetadata sent;
		try {
			sent = Acknowledgements.send(() -> this.kafka.send(topic, articleId, event), this.properties.sendTimeout());
		}
		catch (NotAcknowledgedException ex) {
			throw new ArticleNotPublishedException(articleId, topic, ex.getCause());
		}
		logger.info("Published article {} ({}) by {} to {}-{}@{}", articleId, event.getArticle().getCanonicalUrl(),
				actor, topic, sent.partition(), sent.offset());
		return new PublishedArticle(articleId, event.getArticle().getVersion(), event.getArticle().getCanonicalUrl(),
				event.getEventId(), topic, sent.partition(), sent.offset());
	}

	private ArticleEvent published(String articleId, PublishArticle command, String actor) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Article article = Article.newBuilder()
			.setId(articleId)
			.setVersion(1)
			.setEdition(command.edition())
			.setSection(command.section())
			.setSlug(command.slug())
			.setCanonicalUrl(canonicalUrl(command))
			.setTitle(command.title().strip())
			.setLead(command.lead().strip())
			.setBody(command.body())
			.setAuthors(Objects.requireNonNullElse(command.authors(), List.<PublishArticle.Byline>of())
				.stream()
				.map((byline) -> Author.newBuilder()
					.setName(byline.name().strip())
					.setProfileUrl(byline.profileUrl())
					.build())
				.toList())
			.setTags(Objects.requireNonNullElse(command.tags(), List.<String>of()).stream().map(String::strip).toList())
			.setHeroImage((command.heroImage() != null) ? Image.newBuilder()
				.setUrl(command.heroImage().url())
				.setCaption(command.heroImage().caption())
				.setCredit(command.heroImage().credit())
				.build() : null)
			.setBreaking(Boolean.TRUE.equals(command.breaking()))
			.setPublishedAt(now)
			.setUpdatedAt(now)
			.build();
		return ArticleEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setType(ArticleEventType.PUBLISHED)
			.setOccurredAt(now)
			.setActor(actor)
			.setArticle(article)
			.build();
	}

	private String canonicalUrl(PublishArticle command) {
		return UriComponentsBuilder.fromUri(this.properties.siteUrl())
			.pathSegment(command.edition(), command.section(), command.slug())
			.build()
			.toUriString();
	}

}
