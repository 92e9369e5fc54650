package dev.newsroom.feeds.syndication;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A most-read feed asked for before the lists are read: the view counter may not have
 * created {@code newsroom.trending} yet. Answered 503 with {@code Retry-After}.
 */
class MostReadUnavailableException extends ErrorResponseException {

	MostReadUnavailableException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
		getHeaders().set("Retry-After", "30");
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The most-read lists are not read yet: the view counter creates newsroom.trending on its first "
						+ "start. Retry later; the other feeds work meanwhile.");
		problem.setType(URI.create("https://newsroom.dev/problems/most-read-unavailable"));
		problem.setTitle("Most read unavailable");
		return problem;
	}

}
