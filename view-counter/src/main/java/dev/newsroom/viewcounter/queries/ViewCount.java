package dev.newsroom.viewcounter.queries;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An article's view count.
 *
 * @param articleId the article
 * @param views views counted so far
 * @param updatedAt time of the latest view counted, or {@code null} if none
 */
record ViewCount(String articleId, long views, @Nullable Instant updatedAt) {
}
