package dev.newsroom.feeds.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a refused request as {@code application/problem+json}, whatever it accepts. A
 * stream client accepts {@code text/event-stream} and a feed reader XML, in which content
 * negotiation alone would wrap the problem as an event that an {@code EventSource} never
 * shows, or find no way to write it.
 */
// Before Spring's own problem details handler, which would negotiate the type.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class ProblemResponses {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(ErrorResponseException ex) {
		return ResponseEntity.status(ex.getStatusCode())
			.headers(ex.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ex.getBody());
	}

}
