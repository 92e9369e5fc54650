package dev.newsroom.feeds.stream;

import org.jspecify.annotations.Nullable;

/**
 * One record of {@code newsroom.article-changes} as the stream sees it: where it is, and
 * its public rendering, if it has one. Drafts, schedules and records that do not decode
 * have none; they still move a client's position past them.
 *
 * @param partition its partition
 * @param offset its offset
 * @param event what clients are sent, or {@code null} for nothing
 */
record ChangeRecord(int partition, long offset, @Nullable PublicEvent event) {

	/**
	 * An article change as the stream sends it.
	 *
	 * @param name the SSE event name: published, corrected, updated or retracted
	 * @param edition the article's edition, for filters
	 * @param section the article's section, for filters
	 * @param json the event's data, one line of JSON
	 */
	record PublicEvent(String name, String edition, String section, String json) {
	}

}
