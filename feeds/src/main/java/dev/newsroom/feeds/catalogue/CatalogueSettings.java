package dev.newsroom.feeds.catalogue;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.newsroom.schemas.Topics;

/**
 * What the feeds read of the catalogue, {@code newsroom.feeds.*}.
 *
 * @param articlesTopic the compacted topic with the latest state of every article
 * @param editions editions that exist before their first article is published, such as a
 * new one being launched
 */
@Validated
@ConfigurationProperties("newsroom.feeds")
public record CatalogueSettings(@DefaultValue(Topics.ARTICLES) @NotBlank String articlesTopic,
		@DefaultValue(Topics.TRENDING) @NotBlank String trendingTopic, @DefaultValue @NotNull List<String> editions) {

}
