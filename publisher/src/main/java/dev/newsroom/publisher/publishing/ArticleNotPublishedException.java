package dev.newsroom.publisher.publishing;

/**
 * The broker did not acknowledge an article's event in time, or the event could not be
 * serialized (for example because the schema registry is down). The article is most
 * likely not published: only an acknowledgement lost after the broker wrote the event
 * would have published it. The editor may retry.
 */
class ArticleNotPublishedException extends RuntimeException {

	private final String articleId;

	private final String topic;

	ArticleNotPublishedException(String articleId, String topic, Throwable cause) {
		super("Article " + articleId + " was not published: its event was not acknowledged by topic " + topic + " ("
				+ cause.getMessage() + ")", cause);
		this.articleId = articleId;
		this.topic = topic;
	}

	String articleId() {
		return this.articleId;
	}

	String topic() {
		return this.topic;
	}

}
