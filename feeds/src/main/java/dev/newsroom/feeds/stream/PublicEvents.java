package dev.newsroom.feeds.stream;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.Author;
import dev.newsroom.events.article.Correction;
import dev.newsroom.events.article.Image;
import dev.newsroom.feeds.stream.ChangeRecord.PublicEvent;

/**
 * Renders article events as the public stream shows them: only what readers may see, of
 * articles that are public or were just retracted. Drafts and schedules are never shown,
 * and neither are the editor who acted, scheduled times or delays. A retraction carries
 * the article's address and the reason, not its text.
 */
class PublicEvents {

	private final JsonMapper json;

	PublicEvents(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @param event an article event
	 * @return its public rendering, or {@code null} if it has none
	 */
	@Nullable PublicEvent render(ArticleEvent event) {
		Article article = event.getArticle();
		String name = switch (event.getType()) {
			case PUBLISHED -> "published";
			case UPDATED -> (event.getCorrection() != null) ? "corrected" : "updated";
			case UNPUBLISHED -> "retracted";
			default -> null;
		};
		if (name == null) {
			return null;
		}
		Shown shown = new Shown(name, event.getEventId(), event.getOccurredAt(),
				"retracted".equals(name) ? retracted(article) : shown(article),
				(event.getCorrection() != null) ? correction(event.getCorrection()) : null);
		return new PublicEvent(name, article.getEdition(), article.getSection(), this.json.writeValueAsString(shown));
	}

	private static ShownArticle shown(Article article) {
		return new ShownArticle(article.getId(), article.getVersion(), article.getEdition(), article.getSection(),
				article.getSlug(), article.getCanonicalUrl(), article.getTitle(), article.getLead(), article.getBody(),
				article.getAuthors().stream().map(PublicEvents::author).toList(), List.copyOf(article.getTags()),
				(article.getHeroImage() != null) ? image(article.getHeroImage()) : null, article.getBreaking(),
				article.getPublishedAt(), article.getUpdatedAt(),
				article.getCorrections().stream().map(PublicEvents::correction).toList(), null);
	}

	private static ShownArticle retracted(Article article) {
		ShownRetraction retraction = (article.getRetraction() != null)
				? new ShownRetraction(article.getRetraction().getReason(), article.getRetraction().getRetractedAt())
				: null;
		return new ShownArticle(article.getId(), article.getVersion(), article.getEdition(), article.getSection(),
				article.getSlug(), article.getCanonicalUrl(), null, null, null, null, null, null, null, null,
				article.getUpdatedAt(), null, retraction);
	}

	private static ShownAuthor author(Author author) {
		return new ShownAuthor(author.getName(), author.getProfileUrl());
	}

	private static ShownImage image(Image image) {
		return new ShownImage(image.getUrl(), image.getCaption(), image.getCredit());
	}

	private static ShownCorrection correction(Correction correction) {
		return new ShownCorrection(correction.getNote(), correction.getVersion(), correction.getCorrectedAt());
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Shown(String event, String eventId, Instant occurredAt, ShownArticle article,
			@Nullable ShownCorrection correction) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ShownArticle(String id, long version, String edition, String section, String slug, String canonicalUrl,
			@Nullable String title, @Nullable String lead, @Nullable String body, @Nullable List<ShownAuthor> authors,
			@Nullable List<String> tags, @Nullable ShownImage heroImage, @Nullable Boolean breaking,
			@Nullable Instant publishedAt, Instant updatedAt, @Nullable List<ShownCorrection> corrections,
			@Nullable ShownRetraction retraction) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ShownAuthor(String name, @Nullable String profileUrl) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ShownImage(String url, @Nullable String caption, @Nullable String credit) {
	}

	record ShownCorrection(String note, long version, Instant correctedAt) {
	}

	record ShownRetraction(String reason, Instant retractedAt) {
	}

}
