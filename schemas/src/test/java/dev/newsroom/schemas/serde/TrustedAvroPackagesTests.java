package dev.newsroom.schemas.serde;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated classes work in a JVM where no serde was configured and no system property
 * names trusted packages: building an article takes its enum default through Avro, and
 * copying one copies its nested records through Avro.
 */
class TrustedAvroPackagesTests {

	@Test
	void generatedClassesCanBeBuiltAndCopiedWithoutAnySetup() {
		Article article = Article.newBuilder()
			.setId("a-1")
			.setVersion(1)
			.setEdition("en")
			.setSection("politics")
			.setSlug("budget")
			.setCanonicalUrl("https://news.example/en/politics/budget")
			.setTitle("Budget")
			.setLead("Lead")
			.setBody("<p>Body</p>")
			.setAuthors(List.of())
			.setUpdatedAt(Instant.parse("2026-11-28T10:00:00Z"))
			.build();
		assertThat(article.getStatus()).isEqualTo(ArticleStatus.UNKNOWN);
		assertThat(Article.newBuilder(article).setVersion(2).build().getTitle()).isEqualTo("Budget");
	}

}
