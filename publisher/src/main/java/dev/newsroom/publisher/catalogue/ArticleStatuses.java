package dev.newsroom.publisher.catalogue;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleStatus;

/**
 * Where an article stands after an event: what the catalogue filters by and the writer
 * decides from.
 */
public final class ArticleStatuses {

	private ArticleStatuses() {
	}

	/**
	 * The status of an article after an event, also for events written before the article
	 * carried its status.
	 * @param event the event
	 * @return the status
	 */
	public static ArticleStatus after(ArticleEvent event) {
		ArticleStatus status = event.getArticle().getStatus();
		if (status != null && status != ArticleStatus.UNKNOWN) {
			return status;
		}
		return switch (event.getType()) {
			case PUBLISHED, UPDATED -> ArticleStatus.PUBLISHED;
			case UNPUBLISHED -> ArticleStatus.UNPUBLISHED;
			case SCHEDULED -> ArticleStatus.SCHEDULED;
			case DRAFTED, SCHEDULE_CANCELLED -> ArticleStatus.DRAFT;
			default -> ArticleStatus.UNKNOWN;
		};
	}

}
