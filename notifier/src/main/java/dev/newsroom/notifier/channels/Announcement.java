package dev.newsroom.notifier.channels;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;

/**
 * What a channel announces: the article as published, and the event that published it.
 *
 * @param eventId the id of the lifecycle event
 * @param articleId the article id
 * @param articleVersion the article version
 * @param edition the language edition
 * @param title the headline
 * @param lead the standfirst
 * @param url the canonical URL
 * @param breaking whether it is breaking news
 */
public record Announcement(String eventId, String articleId, long articleVersion, String edition, String title,
		String lead, String url, boolean breaking) {

	/**
	 * @param event a lifecycle event
	 * @return the announcement of its article
	 */
	public static Announcement of(ArticleEvent event) {
		Article article = event.getArticle();
		return new Announcement(event.getEventId(), article.getId(), article.getVersion(), article.getEdition(),
				article.getTitle(), article.getLead(), article.getCanonicalUrl(), article.getBreaking());
	}

}
