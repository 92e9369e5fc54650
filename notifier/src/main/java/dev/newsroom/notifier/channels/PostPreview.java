package dev.newsroom.notifier.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a channel would post for an article, for an editor's preview before publishing:
 * the text as readers will see it, measured as the platform measures it, and which of the
 * article's fields were shortened to fit or are not part of the post at all.
 *
 * @param shown the text as readers see it (for Telegram: after its HTML is parsed); for a
 * channel that sends data rather than text, a description of what it sends
 * @param length the length of {@code shown} in the platform's measure
 * @param limit the most the platform takes, or 0 for no limit
 * @param measure what {@code length} and {@code limit} count
 * @param shortened the fields cut to fit, marked in {@code shown} by an ellipsis
 * @param leftOut the article's fields this channel does not post
 */
public record PostPreview(String shown, int length, int limit, String measure, List<Field> shortened,
		List<Field> leftOut) {

	/**
	 * A field of the article that a post may carry.
	 */
	public enum Field {

		/** The headline. */
		TITLE,

		/** The standfirst. */
		LEAD,

		/** A correction's public note. */
		CORRECTION_NOTE

	}

	/**
	 * Works out which fields were shortened: those the channel uses whose whole text is
	 * not in what readers see.
	 * @param post the article
	 * @param shown the text as readers see it
	 * @param length its length in the platform's measure
	 * @param limit the platform's limit, or 0
	 * @param measure what the length counts
	 * @param uses the fields the channel puts in its posts
	 * @return the preview
	 */
	public static PostPreview of(Post post, String shown, int length, int limit, String measure, Set<Field> uses) {
		List<Field> shortened = new ArrayList<>();
		List<Field> leftOut = new ArrayList<>();
		for (Field field : Field.values()) {
			String text = text(post, field);
			if (text == null || text.isBlank()) {
				continue;
			}
			if (!uses.contains(field)) {
				leftOut.add(field);
			}
			else if (!shown.contains(text.strip())) {
				shortened.add(field);
			}
		}
		return new PostPreview(shown, length, limit, measure, List.copyOf(shortened), List.copyOf(leftOut));
	}

	private static @Nullable String text(Post post, Field field) {
		return switch (field) {
			case TITLE -> post.title();
			case LEAD -> post.lead();
			case CORRECTION_NOTE -> post.correctionNote();
		};
	}

}
