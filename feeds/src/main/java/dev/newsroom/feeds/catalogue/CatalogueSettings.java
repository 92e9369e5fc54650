package dev.newsroom.feeds.catalogue;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the feeds read of the catalogue, {@code newsroom.feeds.*}.
 *
 * @param articlesTopic the compacted topic with the latest state of every article
 * @param editions editions that exist before their first article is published, such as a
 * new one being launched
 */
@Validated
@ConfigurationProperties("newsroom.feeds")
public record CatalogueSettings(@DefaultValue("newsroom.articles") @NotBlank String articlesTopic,
		@DefaultValue("newsroom.trending") @NotBlank String trendingTopic,
		@DefaultValue @NotNull List<String> editions) {

}
