package dev.newsroom.notifier.channels;

import org.jspecify.annotations.Nullable;

/**
 * What a channel is asked to post, as plain values: the article as it stood when the
 * delivery was planned, and for a correction or a retraction what readers are to be told.
 *
 * @param articleId the article id
 * @param title the headline
 * @param lead the standfirst
 * @param url the canonical URL
 * @param edition the language edition
 * @param section the site section
 * @param breaking whether it is breaking news
 * @param imageUrl the hero image's URL, if any
 * @param correctionNote for a correction: the public note
 * @param retractionReason for a retraction: why the article was withdrawn
 */
public record Post(String articleId, String title, String lead, String url, String edition, String section,
		boolean breaking, @Nullable String imageUrl, @Nullable String correctionNote,
		@Nullable String retractionReason) {

}
