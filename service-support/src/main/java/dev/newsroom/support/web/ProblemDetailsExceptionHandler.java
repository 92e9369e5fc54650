package dev.newsroom.support.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error of Spring MVC with an RFC 9457 problem detail
 * ({@code application/problem+json}), and a request whose body is invalid with a 400 that
 * lists each invalid field under {@code errors}, so that a client can show the editor
 * what to fix. It has the lowest precedence, so that a service's own handlers come first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

	/** Problem type of a request whose fields failed validation. */
	public static final URI INVALID_REQUEST = URI.create("https://newsroom.dev/problems/invalid-request");

	/** Problem type of a failure on the server's side. */
	public static final URI UNEXPECTED = URI.create("https://newsroom.dev/problems/unexpected");

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

	/** Problem type of a request body over the service's size limit. */
	public static final URI PAYLOAD_TOO_LARGE = URI.create("https://newsroom.dev/problems/payload-too-large");

	/** Problem type of a request body that is not the JSON expected. */
	public static final URI UNREADABLE_REQUEST = URI.create("https://newsroom.dev/problems/unreadable-request");

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex,
				ex.getBindingResult()
					.getFieldErrors()
					.stream()
					.map((error) -> new FieldError(error.getField(), error.getDefaultMessage())),
				headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex,
				ex.getParameterValidationResults()
					.stream()
					.flatMap((result) -> (result instanceof ParameterErrors body)
							? body.getFieldErrors()
								.stream()
								.map((error) -> new FieldError(error.getField(), error.getDefaultMessage()))
							: result.getResolvableErrors()
								.stream()
								.map((error) -> new FieldError(parameterName(result.getMethodParameter()),
										error.getDefaultMessage()))),
				headers, request);
	}

	/**
	 * Answers a rule broken by a well-formed request like a validation failure.
	 * @param ex the failure
	 * @param request the request
	 * @return a 400 problem listing the fields
	 */
	@ExceptionHandler
	@Nullable ResponseEntity<Object> invalidRequest(InvalidRequestException ex, WebRequest request) {
		return invalid(ex, ex.errors().stream(), new HttpHeaders(), request);
	}

	private @Nullable ResponseEntity<Object> invalid(Exception ex, Stream<FieldError> fieldErrors, HttpHeaders headers,
			WebRequest request) {
		List<FieldError> errors = fieldErrors.sorted(Comparator.comparing(FieldError::field)).toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.size() + " field(s) of the request are invalid; see errors.");
		problem.setType(INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String parameterName(MethodParameter parameter) {
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		return String.valueOf(parameter.getParameterName());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (rootCause(ex) instanceof PayloadTooLargeException tooLarge) {
			return handleExceptionInternal(ex, payloadTooLarge(tooLarge.maxBytes()), headers,
					HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not the JSON expected: " + rootMessage(ex));
		problem.setType(UNREADABLE_REQUEST);
		problem.setTitle("Unreadable request");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Answers a failure no handler expected with a 500 problem that carries an incident
	 * id, also logged with the stack trace, so that operators can find it.
	 * @param ex the failure
	 * @return the problem
	 */
	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		String incident = UUID.randomUUID().toString();
		logger.error("Unexpected failure, incident {}", incident, ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; nothing was written. Quote incident " + incident
						+ " when reporting it.");
		problem.setType(UNEXPECTED);
		problem.setTitle("Unexpected error");
		problem.setProperty("incident", incident);
		return problem;
	}

	/**
	 * Writes the 413 problem of a request refused before it reached Spring MVC.
	 * @param response the response
	 * @param declared the body's declared length
	 * @param maxBytes the limit
	 * @throws IOException if the response cannot be written
	 */
	static void writePayloadTooLarge(HttpServletResponse response, long declared, long maxBytes) throws IOException {
		ProblemDetail problem = payloadTooLarge(maxBytes);
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle() + "\",\"status\":413,"
					+ "\"detail\":\"" + problem.getDetail() + " (declared: " + declared + " bytes)\",\"maxBytes\":"
					+ maxBytes + "}");
	}

	private static ProblemDetail payloadTooLarge(long maxBytes) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the limit of " + maxBytes + " bytes; nothing was written.");
		problem.setType(PAYLOAD_TOO_LARGE);
		problem.setTitle("Request too large");
		problem.setProperty("maxBytes", maxBytes);
		return problem;
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = rootCause(ex);
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		int details = message.indexOf("\n at [Source");
		return (details > 0) ? message.substring(0, details) : message;
	}

}
