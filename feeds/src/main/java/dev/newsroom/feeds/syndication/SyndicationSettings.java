package dev.newsroom.feeds.syndication;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The feeds' and sitemaps' settings, {@code newsroom.feeds.syndication.*}.
 *
 * @param siteName the site's name, the publication name of news sitemaps
 * @param siteUrl the public site, whose {@code /<edition>/<section>} pages the feeds link
 * to ({@code NEWSROOM_SITE_URL})
 * @param items how many articles a feed lists, the most recently published first
 * @param newsWindow how far back a news sitemap goes: Google News takes articles of the
 * last two days
 * @param maxAge how long clients and caches may keep a feed before asking again
 */
@Validated
@ConfigurationProperties("newsroom.feeds.syndication")
record SyndicationSettings(@DefaultValue("Newsroom") @NotBlank String siteName,
		@DefaultValue("http://localhost:8080") @NotNull URI siteUrl, @DefaultValue("50") @Min(1) @Max(500) int items,
		@DefaultValue("48h") @NotNull Duration newsWindow, @DefaultValue("60s") @NotNull Duration maxAge) {

	/**
	 * @param path a path on the site, such as {@code /en/politics}
	 * @return its URL
	 */
	String link(String path) {
		String base = this.siteUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
