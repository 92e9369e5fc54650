package dev.newsroom.feeds.stream;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A client that connects before the stream has found its topic, which the publisher
 * creates on its first start. Answered 503 with {@code Retry-After}.
 */
class StreamNotReadyException extends ErrorResponseException {

	StreamNotReadyException(String topic) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(topic), null);
		getHeaders().set("Retry-After", "5");
	}

	private static ProblemDetail problem(String topic) {
		ProblemDetail problem = ProblemDetail
			.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The stream of " + topic
					+ " is starting (the topic may not exist yet: the publisher creates it). Retry in a few seconds.");
		problem.setType(URI.create("https://newsroom.dev/problems/stream-starting"));
		problem.setTitle("Stream starting");
		return problem;
	}

}
