package dev.newsroom.viewcounter;

import java.time.Instant;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;

/**
 * Article events as the publisher writes them, for the view counter's tests, which need a
 * catalogue to count against.
 */
public final class ArticleEvents {

	private ArticleEvents() {
	}

	/**
	 * @param articleId the article's id, also its slug
	 * @param type what happened
	 * @param status where the article stands after it
	 * @param at when it happened
	 * @return the event
	 */
	public static ArticleEvent event(String articleId, ArticleEventType type, ArticleStatus status, Instant at) {
		return event(articleId, "en", "world", type, status, at);
	}

	/**
	 * @param articleId the article's id, also its slug
	 * @param edition its edition
	 * @param section its section
	 * @param type what happened
	 * @param status where the article stands after it
	 * @param at when it happened
	 * @return the event
	 */
	public static ArticleEvent event(String articleId, String edition, String section, ArticleEventType type,
			ArticleStatus status, Instant at) {
		Article article = Article.newBuilder()
			.setId(articleId)
			.setVersion(1)
			.setEdition(edition)
			.setSection(section)
			.setSlug(articleId)
			.setCanonicalUrl("https://news.example/" + edition + "/" + section + "/" + articleId)
			.setTitle("Title of " + articleId)
			.setLead("Lead.")
			.setBody("<p>Body</p>")
			.setPublishedAt(at)
			.setUpdatedAt(at)
			.setStatus(status)
			.build();
		return ArticleEvent.newBuilder()
			.setEventId(articleId + "-" + type + "-" + at.toEpochMilli())
			.setType(type)
			.setOccurredAt(at)
			.setActor("view-counter-tests")
			.setArticle(article)
			.build();
	}

}
