package dev.newsroom.feeds.stream;

/**
 * A client that let its backlog of events fill, and is disconnected. It resumes with the
 * id of the last event it got.
 */
class SlowClientException extends RuntimeException {

	SlowClientException() {
		super("The client did not keep up with the stream and was disconnected; it resumes from its last event id");
	}

}
