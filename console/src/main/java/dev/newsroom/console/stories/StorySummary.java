package dev.newsroom.console.stories;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A story as the list shows it.
 *
 * @param id the article id
 * @param title its title
 * @param state what editors call its state: draft, scheduled, published, corrected or
 * retracted
 * @param edition its edition
 * @param section its section
 * @param editor who changed it last
 * @param updatedAt when
 * @param breaking whether it is breaking news
 */
public record StorySummary(String id, String title, String state, String edition, String section, String editor,
		Instant updatedAt, boolean breaking) {

	static StorySummary of(JsonNode article) {
		return new StorySummary(article.path("id").asString(), article.path("title").asString(), state(article),
				article.path("edition").asString(), article.path("section").asString(),
				article.path("lastChangedBy").asString(), Instant.parse(article.path("updatedAt").asString()),
				article.path("breaking").asBoolean());
	}

	/**
	 * @param article an article of the publisher's API
	 * @return its state in the editors' words
	 */
	static String state(JsonNode article) {
		return switch (article.path("status").asString()) {
			case "DRAFT" -> "draft";
			case "SCHEDULED" -> "scheduled";
			case "UNPUBLISHED" -> "retracted";
			default -> article.path("corrections").isEmpty() ? "published" : "corrected";
		};
	}

}
