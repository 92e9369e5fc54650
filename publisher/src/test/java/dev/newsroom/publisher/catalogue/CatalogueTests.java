package dev.newsroom.publisher.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model: events apply once and never take an article back a version, whichever
 * of the writer and the feed applies them first.
 */
class CatalogueTests {

	private final Catalogue catalogue = new Catalogue();

	@Test
	void olderVersionArrivingLateDoesNotReplaceANewerOne() {
		this.catalogue.apply(event("a", 2, "Second", ArticleStatus.PUBLISHED));
		this.catalogue.apply(event("a", 1, "First", ArticleStatus.PUBLISHED));
		assertThat(this.catalogue.get("a"))
			.hasValueSatisfying((event) -> assertThat(event.getArticle().getTitle()).isEqualTo("Second"));
	}

	@Test
	void slugBelongsToTheArticleThatTookIt() {
		this.catalogue.apply(event("a", 1, "First", ArticleStatus.PUBLISHED));
		assertThat(this.catalogue.slugHolder("en", "slug-a")).isEqualTo("a");
		assertThat(this.catalogue.slugHolder("ru", "slug-a")).isNull();
	}

	@Test
	void searchFiltersByStatusAndWordsAndPagesNewestFirst() {
		this.catalogue.apply(event("a", 1, "Budget passes", ArticleStatus.PUBLISHED));
		this.catalogue.apply(event("b", 1, "Budget draft", ArticleStatus.DRAFT));
		this.catalogue.apply(event("c", 3, "Election results", ArticleStatus.PUBLISHED));

		Catalogue.Page budget = this.catalogue.search(new Catalogue.Filter("en", null, null, "BUDGET"), 0, 10);
		assertThat(budget.articles()).extracting((event) -> event.getArticle().getId())
			.containsExactlyInAnyOrder("a", "b");
		Catalogue.Page published = this.catalogue
			.search(new Catalogue.Filter(null, null, ArticleStatus.PUBLISHED, null), 0, 1);
		assertThat(published.total()).isEqualTo(2);
		assertThat(published.articles()).extracting((event) -> event.getArticle().getId()).containsExactly("c");
		assertThat(this.catalogue.search(new Catalogue.Filter(null, null, null, null), 5, 10).articles()).isEmpty();
	}

	@Test
	void waitingForAVersionEndsWhenItArrivesOrTimesOut() throws Exception {
		this.catalogue.apply(event("a", 1, "First", ArticleStatus.PUBLISHED));
		assertThat(this.catalogue.awaitVersion("a", 1, Duration.ZERO)).isTrue();
		assertThat(this.catalogue.awaitVersion("a", 2, Duration.ofMillis(20))).isFalse();
		Thread writer = new Thread(() -> this.catalogue.apply(event("a", 2, "Second", ArticleStatus.PUBLISHED)));
		writer.start();
		assertThat(this.catalogue.awaitVersion("a", 2, Duration.ofSeconds(10))).isTrue();
		writer.join();
	}

	private static ArticleEvent event(String id, long version, String title, ArticleStatus status) {
		Instant at = Instant.parse("2026-11-28T10:00:00Z").plusSeconds(version * 60 + id.charAt(0));
		Article article = Article.newBuilder()
			.setId(id)
			.setVersion(version)
			.setEdition("en")
			.setSection("politics")
			.setSlug("slug-" + id)
			.setCanonicalUrl("https://news.example/en/politics/slug-" + id)
			.setTitle(title)
			.setLead("Lead")
			.setBody("<p>Body</p>")
			.setAuthors(List.of())
			.setStatus(status)
			.setUpdatedAt(at)
			.build();
		return ArticleEvent.newBuilder()
			.setEventId(id + "-" + version)
			.setType((status == ArticleStatus.DRAFT) ? ArticleEventType.DRAFTED : ArticleEventType.PUBLISHED)
			.setOccurredAt(at)
			.setActor("leyla")
			.setArticle(article)
			.build();
	}

}
