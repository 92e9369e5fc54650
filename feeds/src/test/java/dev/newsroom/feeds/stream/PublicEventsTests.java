package dev.newsroom.feeds.stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.feeds.stream.ChangeRecord.PublicEvent;

import static dev.newsroom.feeds.ArticleChanges.corrected;
import static dev.newsroom.feeds.ArticleChanges.event;
import static org.assertj.core.api.Assertions.assertThat;

class PublicEventsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final PublicEvents events = new PublicEvents(this.json);

	@Test
	void draftsSchedulesAndUnknownEventsAreNotPublic() {
		for (ArticleEventType type : new ArticleEventType[] { ArticleEventType.DRAFTED, ArticleEventType.SCHEDULED,
				ArticleEventType.SCHEDULE_CANCELLED, ArticleEventType.UNKNOWN }) {
			assertThat(this.events.render(event("a1", 1, "en", "world", type))).as(type.name()).isNull();
		}
	}

	@Test
	void anUpdateIsACorrectionOnlyWithACorrectionNote() {
		assertThat(this.events.render(event("a1", 2, "en", "world", ArticleEventType.UPDATED)).name())
			.isEqualTo("updated");
		PublicEvent correction = this.events
			.render(corrected(event("a1", 3, "en", "world", ArticleEventType.UPDATED), "Fixed the date."));
		assertThat(correction.name()).isEqualTo("corrected");
		JsonNode data = this.json.readTree(correction.json());
		assertThat(data.get("correction").get("note").asString()).isEqualTo("Fixed the date.");
		assertThat(data.get("article").get("corrections")).hasSize(1);
	}

	@Test
	void aPublishedArticleShowsWhatReadersSeeAndNotWhoActed() {
		PublicEvent published = this.events.render(event("a1", 1, "ru", "sport", ArticleEventType.PUBLISHED));
		assertThat(published.edition()).isEqualTo("ru");
		assertThat(published.section()).isEqualTo("sport");
		JsonNode article = this.json.readTree(published.json()).get("article");
		assertThat(article.get("title").asString()).isEqualTo("Title of a1");
		assertThat(article.get("body").asString()).isEqualTo("<p>Body of a1</p>");
		assertThat(article.get("publishedAt").asString()).endsWith("Z");
		assertThat(published.json()).doesNotContain("editor-jane", "actor", "status", "publishAt");
	}

	@Test
	void aRetractionGivesTheReasonAndTheAddressButNotTheText() {
		PublicEvent retracted = this.events.render(event("a1", 4, "en", "world", ArticleEventType.UNPUBLISHED));
		assertThat(retracted.name()).isEqualTo("retracted");
		JsonNode article = this.json.readTree(retracted.json()).get("article");
		assertThat(article.get("canonicalUrl").asString()).isEqualTo("https://news.example/en/world/slug-a1");
		assertThat(article.get("retraction").get("reason").asString()).isEqualTo("Withdrawn for legal reasons");
		assertThat(article.has("title")).isFalse();
		assertThat(article.has("body")).isFalse();
		assertThat(article.has("lead")).isFalse();
	}

}
