package dev.newsroom.viewcounter.ingest;

/**
 * The broker did not acknowledge a page view in time; it was not recorded.
 */
class ViewNotRecordedException extends RuntimeException {

	ViewNotRecordedException(String articleId, String topic, Throwable cause) {
		super("View of article " + articleId + " was not recorded on topic " + topic + ": " + cause.getMessage(),
				cause);
	}

}
