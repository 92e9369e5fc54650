package dev.newsroom.viewcounter.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.newsroom.schemas.TopicDeclaration;
import dev.newsroom.schemas.Topics;
import dev.newsroom.support.kafka.TopicOverrides;

/**
 * Settings of the view counter, under {@code newsroom.view-counter}.
 *
 * <p>
 * The topics are declared in {@link Topics}; each {@code *-topic} setting changes only
 * what it names of its topic's declaration, for a deployment.
 *
 * @param pageViewsTopic changes to {@link #pageViews()}
 * @param articlesTopic changes to {@link #articles()}
 * @param viewCountsTopic changes to {@link #viewCounts()}
 * @param trendingTopic changes to {@link #trending()}
 * @param deadLetterTopic changes to {@link #deadLetters()}
 * @param allowedOrigins origins of the site's pages, allowed to call the beacon with
 * their cookies (CORS)
 * @param visitWindow a visitor's views of one article within this time count once
 * @param retryWindow how long a view id is remembered, so that a retried beacon counts
 * once
 * @param trendingGrace how late a view may arrive and still count in its most-read window
 */
@Validated
@ConfigurationProperties("newsroom.view-counter")
public record ViewCounterProperties(@Valid @NotNull @DefaultValue TopicOverrides pageViewsTopic,
		@Valid @NotNull @DefaultValue TopicOverrides articlesTopic,
		@Valid @NotNull @DefaultValue TopicOverrides viewCountsTopic,
		@Valid @NotNull @DefaultValue TopicOverrides trendingTopic,
		@Valid @NotNull @DefaultValue TopicOverrides deadLetterTopic,
		@NotNull @DefaultValue("http://localhost:8080") List<String> allowedOrigins,
		@NotNull @DefaultValue("30m") Duration visitWindow, @NotNull @DefaultValue("30m") Duration retryWindow,
		@NotNull @DefaultValue("5m") Duration trendingGrace) {

	/**
	 * @return where the beacon records views; keyed by article id
	 */
	public TopicDeclaration pageViews() {
		return this.pageViewsTopic.applyTo(Topics.declaration(Topics.PAGE_VIEWS));
	}

	/**
	 * @return the publisher's compacted catalogue, read to count only views of published
	 * articles
	 */
	public TopicDeclaration articles() {
		return this.articlesTopic.applyTo(Topics.declaration(Topics.ARTICLES));
	}

	/**
	 * @return the compacted topic of per-article totals
	 */
	public TopicDeclaration viewCounts() {
		return this.viewCountsTopic.applyTo(Topics.declaration(Topics.ARTICLE_VIEW_COUNTS));
	}

	/**
	 * @return the compacted topic of most-read lists
	 */
	public TopicDeclaration trending() {
		return this.trendingTopic.applyTo(Topics.declaration(Topics.TRENDING));
	}

	/**
	 * @return where records of the page-views topic that cannot be read go
	 */
	public TopicDeclaration deadLetters() {
		return this.deadLetterTopic.applyTo(Topics.declaration(Topics.PAGE_VIEWS_DEAD_LETTERS));
	}

}
