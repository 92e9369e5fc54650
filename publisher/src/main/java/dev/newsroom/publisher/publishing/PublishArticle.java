package dev.newsroom.publisher.publishing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Command to publish a new article, as an editor sends it to {@code POST /api/articles}.
 *
 * @param edition language edition, an ISO 639-1 code
 * @param section site section, as a slug
 * @param slug URL slug of the article
 * @param title headline
 * @param lead standfirst, plain text
 * @param body article body, HTML; at most 200,000 characters, so that the event stays
 * within Kafka's default 1 MB record limit even in scripts of 4 bytes a character
 * @param authors bylines; may be empty for agency copy
 * @param tags tags; may be empty
 * @param heroImage the image shown above the article, if any
 * @param breaking whether the article is breaking news
 */
record PublishArticle(
		@NotBlank @Pattern(regexp = "[a-z]{2}",
				message = "must be an ISO 639-1 language code in lower case, such as en, az or ru") String edition,
		@NotBlank @Size(max = 60) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String section,
		@NotBlank @Size(max = 120) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
		@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 1000) String lead,
		@NotBlank @Size(max = 200_000) String body, @Nullable @Size(max = 20) List<@Valid Byline> authors,
		@Nullable @Size(max = 30) List<@NotBlank @Size(max = 60) String> tags, @Nullable @Valid HeroImage heroImage,
		@Nullable Boolean breaking) {

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
	record Byline(@NotBlank @Size(max = 200) String name,
			@Nullable @Pattern(regexp = HTTP_URL, message = HTTP_URL_MESSAGE) String profileUrl) {
	}

	/**
	 * The image shown above the article.
	 *
	 * @param url the image URL
	 * @param caption the caption, if any
	 * @param credit the photographer or agency, if any
	 */
	record HeroImage(@NotBlank @Pattern(regexp = HTTP_URL, message = HTTP_URL_MESSAGE) String url,
			@Nullable @Size(max = 500) String caption, @Nullable @Size(max = 200) String credit) {
	}

}
