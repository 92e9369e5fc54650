package dev.newsroom.viewcounter.ingest;

/**
 * The producer did not take a page view: its buffer stayed full (the broker is slow or
 * away), or it refused the record at once. The view was not recorded.
 */
class ViewNotRecordedException extends RuntimeException {

	ViewNotRecordedException(String articleId, String topic, Throwable cause) {
		super("View of article " + articleId + " was not recorded on topic " + topic + ": " + cause.getMessage(),
				cause);
	}

}
