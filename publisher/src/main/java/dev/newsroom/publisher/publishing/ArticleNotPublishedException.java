package dev.newsroom.publisher.publishing;

/**
 * The broker did not acknowledge an article's event in time, or the event could not be
 * serialized (for example because the schema registry is down). Nothing was published;
 * the editor may retry.
 */
public class ArticleNotPublishedException extends RuntimeException {

	private final String articleId;

	private final String topic;

	ArticleNotPublishedException(String articleId, String topic, Throwable cause) {
		super("Article " + articleId + " was not published: its event was not acknowledged by topic " + topic + " ("
				+ cause.getMessage() + ")", cause);
		this.articleId = articleId;
		this.topic = topic;
	}

	public String articleId() {
		return this.articleId;
	}

	public String topic() {
		return this.topic;
	}

}
