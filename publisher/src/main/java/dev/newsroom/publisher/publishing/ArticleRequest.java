package dev.newsroom.publisher.publishing;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An article as an editor sends it: to {@code POST /api/articles} to create it, and to
 * {@code PUT /api/articles/{id}} to change it.
 *
 * @param edition language edition, an ISO 639-1 code; fixed once created
 * @param section site section, as a slug
 * @param slug URL slug, unique within the edition; fixed once created
 * @param title headline, one line of plain text
 * @param lead standfirst, one line of plain text
 * @param body article body, HTML; sanitised. At most 200,000 characters, so that the
 * event stays within Kafka's 1 MB record limit
 * @param authors bylines; may be empty for agency copy
 * @param tags tags; may be empty
 * @param heroImage the image shown above the article, if any
 * @param breaking whether the article is breaking news
 * @param draft on create: keep it as a draft (writers may only create drafts)
 * @param publishAt on create: schedule it for this time instead of publishing now
 * @param change on update of a published article: a public correction or a silent fix
 */
record ArticleRequest(
		@NotBlank @Pattern(regexp = "[a-z]{2}",
				message = "must be an ISO 639-1 language code in lower case, such as en, az or ru") String edition,
		@NotBlank @Size(max = 60) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String section,
		@NotBlank @Size(max = 120) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
		@NotNull @PlainText @Size(max = 300) String title, @NotNull @PlainText @Size(max = 1000) String lead,
		@NotBlank @Size(max = 200_000) String body, @Nullable @Size(max = 20) List<@Valid Byline> authors,
		@Nullable @Size(max = 30) List<@NotNull @PlainText @Size(max = 60) String> tags,
		@Nullable @Valid HeroImage heroImage, @Nullable Boolean breaking, @Nullable Boolean draft,
		@Nullable Instant publishAt, @Nullable @Valid Change change) {

	static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

	static final String SLUG_MESSAGE = "must be lower-case letters and digits separated by single hyphens, "
			+ "such as election-results-2026";

	static final String HTTP_URL = "https?://\\S+";

	static final String HTTP_URL_MESSAGE = "must be an absolute http or https URL";

	/**
	 * A byline.
	 *
	 * @param name the name as printed
	 * @param profileUrl the author's page, if any
	 */
	record Byline(@NotNull @PlainText @Size(max = 200) String name,
			@Nullable @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = HTTP_URL_MESSAGE) String profileUrl) {
	}

	/**
	 * The image shown above the article.
	 *
	 * @param url the image URL
	 * @param caption the caption, if any
	 * @param credit the photographer or agency, if any
	 */
	record HeroImage(@NotBlank @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = HTTP_URL_MESSAGE) String url,
			@Nullable @PlainText @Size(max = 500) String caption, @Nullable @PlainText @Size(max = 200) String credit) {
	}

	/**
	 * What kind of change an update of a published article is.
	 *
	 * @param kind {@code correction} (readers see the note) or {@code silent-fix}
	 * @param note the public correction note; required for a correction
	 */
	record Change(
			@NotNull @Pattern(regexp = "correction|silent-fix",
					message = "must be correction or silent-fix") String kind,
			@Nullable @PlainText @Size(max = 1000) String note) {
	}

}
