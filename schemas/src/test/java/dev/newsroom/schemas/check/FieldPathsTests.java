package dev.newsroom.schemas.check;

import org.junit.jupiter.api.Test;

import dev.newsroom.events.article.ArticleEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Avro's incompatibility locations, read as field paths.
 */
class FieldPathsTests {

	@Test
	void locationsInsideNestedRecordsArraysAndUnionsNameTheirFields() {
		assertThat(FieldPaths.of(ArticleEvent.getClassSchema(), "/fields/4/type/fields/6/type"))
			.isEqualTo("article.title");
		assertThat(FieldPaths.of(ArticleEvent.getClassSchema(), "/fields/4/type/fields/9/type/items/fields/0/type"))
			.isEqualTo("article.authors[].name");
		assertThat(FieldPaths.of(ArticleEvent.getClassSchema(), "/fields/4/type/fields/11/type/1/fields/0"))
			.isEqualTo("article.heroImage.url");
	}

	@Test
	void locationWithoutAFieldIsKeptAsItIs() {
		assertThat(FieldPaths.of(ArticleEvent.getClassSchema(), "/")).isEqualTo("/");
	}

}
