package dev.newsroom.publisher.catalogue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;

/**
 * An article as the API shows it to editors.
 *
 * @param id the id
 * @param version the version; also the ETag
 * @param status DRAFT, SCHEDULED, PUBLISHED or UNPUBLISHED
 * @param edition the edition
 * @param section the section
 * @param slug the slug
 * @param canonicalUrl the public URL
 * @param title the title
 * @param lead the lead
 * @param body the sanitised body; left out of lists
 * @param authors the bylines
 * @param tags the tags
 * @param heroImage the image, if any
 * @param breaking whether it is breaking news
 * @param publishAt when it is scheduled for, if it is
 * @param publishedAt when it was first published
 * @param updatedAt when this version was made
 * @param lastChangedBy who made this version
 * @param corrections the public corrections
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArticleView(String id, long version, String status, String edition, String section, String slug,
		String canonicalUrl, String title, String lead, @Nullable String body, List<Byline> authors, List<String> tags,
		@Nullable Image heroImage, boolean breaking, @Nullable Instant publishAt, @Nullable Instant publishedAt,
		Instant updatedAt, String lastChangedBy, List<Correction> corrections) {

	static ArticleView of(ArticleEvent event, boolean withBody) {
		Article article = event.getArticle();
		return new ArticleView(article.getId(), article.getVersion(), ArticleStatuses.after(event).name(),
				article.getEdition(), article.getSection(), article.getSlug(), article.getCanonicalUrl(),
				article.getTitle(), article.getLead(), withBody ? article.getBody() : null,
				article.getAuthors().stream().map((a) -> new Byline(a.getName(), a.getProfileUrl())).toList(),
				article.getTags(),
				(article.getHeroImage() != null) ? new Image(article.getHeroImage().getUrl(),
						article.getHeroImage().getCaption(), article.getHeroImage().getCredit()) : null,
				article.getBreaking(), article.getPublishAt(), article.getPublishedAt(), article.getUpdatedAt(),
				event.getActor(),
				article.getCorrections()
					.stream()
					.map((c) -> new Correction(c.getNote(), c.getVersion(), c.getCorrectedAt()))
					.toList());
	}

	record Byline(String name, @Nullable String profileUrl) {
	}

	record Image(String url, @Nullable String caption, @Nullable String credit) {
	}

	record Correction(String note, long version, Instant correctedAt) {
	}

}
