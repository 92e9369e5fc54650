package dev.newsroom.feeds.stream;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a refused stream request as {@code application/problem+json}. A stream client
 * accepts {@code text/event-stream}, in which content negotiation alone would wrap the
 * problem as an event that an {@code EventSource} never shows.
 */
// Before Spring's own problem details handler, which would negotiate the type.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = StreamController.class)
class StreamProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(ErrorResponseException ex) {
		return ResponseEntity.status(ex.getStatusCode())
			.headers(ex.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ex.getBody());
	}

}
