package dev.newsroom.feeds.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request with a header or query parameter that names nothing that exists, such as an
 * event id that is no position or an unknown edition. Answered as a 400 problem like
 * every Newsroom service's invalid request: the parameter under {@code errors}, with what
 * is wrong and what to send.
 */
public class InvalidParameterException extends ErrorResponseException {

	static final URI INVALID_REQUEST = URI.create("https://newsroom.dev/problems/invalid-request");

	/**
	 * @param parameter the header or query parameter, such as {@code Last-Event-ID}
	 * @param message what is wrong with it and what is expected
	 */
	public InvalidParameterException(String parameter, String message) {
		super(HttpStatus.BAD_REQUEST, problem(parameter, message), null);
	}

	private static ProblemDetail problem(String parameter, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + message);
		problem.setType(INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
		return problem;
	}

}
