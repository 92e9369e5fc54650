package dev.newsroom.notifier.previews;

import org.jspecify.annotations.Nullable;

import dev.newsroom.notifier.channels.Post;

/**
 * The body of {@code POST /api/previews}: the article as the editor has it so far.
 *
 * @param title the headline
 * @param lead the standfirst, if any yet
 * @param url the canonical URL the article has or will have
 * @param edition the edition, which with the section chooses the channels
 * @param section the section
 * @param breaking whether it is breaking news
 * @param imageUrl the hero image's URL, if any
 * @param correctionNote for a correction of a published article: its public note
 */
record PreviewRequest(String title, @Nullable String lead, String url, String edition, String section, boolean breaking,
		@Nullable String imageUrl, @Nullable String correctionNote) {

	PreviewRequest {
		require(title, "title");
		require(url, "url");
		require(edition, "edition");
		require(section, "section");
	}

	Post post() {
		return new Post("preview", this.title, (this.lead != null) ? this.lead : "", this.url, this.edition,
				this.section, this.breaking, this.imageUrl, blankToNull(this.correctionNote), null);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	private static void require(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " is required to preview the posts");
		}
	}

}
