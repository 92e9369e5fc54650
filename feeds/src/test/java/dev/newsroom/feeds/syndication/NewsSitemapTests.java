package dev.newsroom.feeds.syndication;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;

import static dev.newsroom.feeds.ArticleChanges.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The news sitemap's bounds: Google News reads at most 1,000 URLs, of the last two days.
 */
class NewsSitemapTests {

	private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	private final NewsSitemap sitemap = new NewsSitemap(new SyndicationSettings("The Example Times",
			URI.create("https://news.example"), 50, Duration.ofHours(48), Duration.ofSeconds(60)));

	@Test
	void listsAtMostAThousandArticlesTheNewestFirst() {
		List<Article> articles = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			articles.add(article("a" + i, NOW.minusSeconds(i)));
		}
		String xml = this.sitemap.write("en", articles, NOW);
		assertThat(xml.split("<url>", -1)).hasSize(1001);
		assertThat(xml).contains("/slug-a999<").doesNotContain("/slug-a1000<");
	}

	@Test
	void leavesOutArticlesPublishedBeforeTheNewsWindow() {
		String xml = this.sitemap.write("en", List.of(article("inside", NOW.minus(Duration.ofHours(48))),
				article("outside", NOW.minus(Duration.ofHours(48)).minusSeconds(1))), NOW);
		assertThat(xml).contains("/slug-inside<").doesNotContain("/slug-outside<");
	}

	private static Article article(String id, Instant publishedAt) {
		ArticleEvent event = event(id, 1, "en", "politics", ArticleEventType.PUBLISHED);
		event.getArticle().setPublishedAt(publishedAt);
		return event.getArticle();
	}

}
