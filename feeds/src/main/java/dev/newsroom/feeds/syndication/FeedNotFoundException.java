package dev.newsroom.feeds.syndication;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A feed or sitemap of an edition or section that has never had an article. Answered 404
 * with what exists.
 */
class FeedNotFoundException extends ErrorResponseException {

	FeedNotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND, problem(detail), null);
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setType(URI.create("https://newsroom.dev/problems/feed-not-found"));
		problem.setTitle("Feed not found");
		return problem;
	}

}
