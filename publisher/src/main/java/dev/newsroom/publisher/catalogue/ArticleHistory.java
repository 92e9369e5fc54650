package dev.newsroom.publisher.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.newsroom.events.article.ArticleEvent;

/**
 * Every version of every article, who made it and when, built by replaying the
 * append-only changes topic, which is never compacted: the history outlives compaction of
 * the articles topic. It keeps a summary per version, not the content.
 */
public final class ArticleHistory {

	private final Map<String, List<Version>> versions = new ConcurrentHashMap<>();

	/**
	 * Records an event's version, unless it is already recorded.
	 * @param event the event
	 */
	public void apply(ArticleEvent event) {
		Version version = Version.of(event);
		this.versions.compute(event.getArticle().getId(), (id, known) -> {
			if (known != null && !known.isEmpty() && known.get(known.size() - 1).version() >= version.version()) {
				return known;
			}
			List<Version> more = (known != null) ? new ArrayList<>(known) : new ArrayList<>();
			more.add(version);
			return List.copyOf(more);
		});
	}

	/**
	 * @param id an article id
	 * @return its versions, oldest first; empty if unknown
	 */
	public List<Version> of(String id) {
		return this.versions.getOrDefault(id, List.of());
	}

	/**
	 * One version of an article.
	 *
	 * @param version the version number
	 * @param type what happened
	 * @param status the article's status after it
	 * @param actor who made it
	 * @param occurredAt when
	 * @param title the title of that version
	 * @param correctionNote the public correction it made, if any
	 * @param retractionReason why it was unpublished, for an unpublish
	 * @param publishAt when it was scheduled for, for a schedule
	 * @param publishDelayMillis how late a scheduled publication was
	 * @param eventId the event's id
	 */
	public record Version(long version, String type, String status, String actor, Instant occurredAt, String title,
			@Nullable String correctionNote, @Nullable String retractionReason, @Nullable Instant publishAt,
			@Nullable Long publishDelayMillis, String eventId) {

		static Version of(ArticleEvent event) {
			return new Version(event.getArticle().getVersion(), event.getType().name(),
					ArticleStatuses.after(event).name(), event.getActor(), event.getOccurredAt(),
					event.getArticle().getTitle(),
					(event.getCorrection() != null) ? event.getCorrection().getNote() : null,
					(event.getType() == dev.newsroom.events.article.ArticleEventType.UNPUBLISHED
							&& event.getArticle().getRetraction() != null)
									? event.getArticle().getRetraction().getReason() : null,
					event.getArticle().getPublishAt(), event.getPublishDelayMillis(), event.getEventId());
		}

	}

}
