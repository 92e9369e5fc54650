package dev.newsroom.viewcounter.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.newsroom.support.kafka.TopicSpec;

/**
 * Settings of the view counter, under {@code newsroom.view-counter}.
 *
 * @param pageViewsTopic where the beacon records views; keyed by article id
 * @param articlesTopic the publisher's compacted catalogue, read to count only views of
 * published articles
 * @param viewCountsTopic the compacted topic of per-article totals
 * @param trendingTopic the compacted topic of most-read lists
 * @param deadLetterTopic where records of the page-views topic that cannot be read go
 * @param allowedOrigins origins of the site's pages, allowed to call the beacon with
 * their cookies (CORS)
 * @param visitWindow a visitor's views of one article within this time count once
 * @param retryWindow how long a view id is remembered, so that a retried beacon counts
 * once
 * @param trendingGrace how late a view may arrive and still count in its most-read window
 */
@Validated
@ConfigurationProperties("newsroom.view-counter")
public record ViewCounterProperties(@Valid @NotNull TopicSpec pageViewsTopic, @Valid @NotNull TopicSpec articlesTopic,
		@Valid @NotNull TopicSpec viewCountsTopic, @Valid @NotNull TopicSpec trendingTopic,
		@Valid @NotNull TopicSpec deadLetterTopic,
		@NotNull @DefaultValue("http://localhost:8080") List<String> allowedOrigins,
		@NotNull @DefaultValue("30m") Duration visitWindow, @NotNull @DefaultValue("30m") Duration retryWindow,
		@NotNull @DefaultValue("5m") Duration trendingGrace) {

}
