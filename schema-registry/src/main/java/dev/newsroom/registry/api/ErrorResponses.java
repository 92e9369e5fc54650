package dev.newsroom.registry.api;

import dev.newsroom.registry.RegistryException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into Confluent's error body, {@code {"error_code": N, "message":
 * "..."}}, as {@code application/vnd.schemaregistry.v1+json}. Bad input always gets a 4xx
 * answer; only a failure of the registry or of Kafka gets a 5xx one. It takes precedence
 * over other advice that a shared classpath (another service's tests) may bring.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorResponses {

	/**
	 * The challenge of a 401, as Confluent's registry sends it under basic
	 * authentication.
	 */
	private static final String BASIC_CHALLENGE = "Basic realm=\"SchemaRegistry\"";

	private static final Logger logger = LoggerFactory.getLogger(ErrorResponses.class);

	@ExceptionHandler(RegistryException.class)
	ResponseEntity<ErrorMessage> registryException(RegistryException ex) {
		return switch (ex.reason()) {
			case SUBJECT_NOT_FOUND -> error(HttpStatus.NOT_FOUND, 40401, ex);
			case VERSION_NOT_FOUND -> error(HttpStatus.NOT_FOUND, 40402, ex);
			case SCHEMA_NOT_FOUND -> error(HttpStatus.NOT_FOUND, 40403, ex);
			case SUBJECT_SOFT_DELETED -> error(HttpStatus.NOT_FOUND, 40404, ex);
			case SUBJECT_NOT_SOFT_DELETED -> error(HttpStatus.NOT_FOUND, 40405, ex);
			case VERSION_SOFT_DELETED -> error(HttpStatus.NOT_FOUND, 40406, ex);
			case VERSION_NOT_SOFT_DELETED -> error(HttpStatus.NOT_FOUND, 40407, ex);
			case SUBJECT_COMPATIBILITY_NOT_CONFIGURED -> error(HttpStatus.NOT_FOUND, 40408, ex);
			case INCOMPATIBLE_SCHEMA -> error(HttpStatus.CONFLICT, 409, ex);
			case INVALID_SCHEMA -> error(HttpStatus.UNPROCESSABLE_CONTENT, 42201, ex);
			case INVALID_VERSION -> error(HttpStatus.UNPROCESSABLE_CONTENT, 42202, ex);
			case INVALID_COMPATIBILITY_LEVEL -> error(HttpStatus.UNPROCESSABLE_CONTENT, 42203, ex);
			case STORE_FAILED -> serverError(HttpStatus.INTERNAL_SERVER_ERROR, 50001, ex);
			case STORE_TIMED_OUT -> serverError(HttpStatus.INTERNAL_SERVER_ERROR, 50002, ex);
			case STORE_NOT_READY -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "1")
				.contentType(ApiMediaTypes.V1_JSON_TYPE)
				.body(new ErrorMessage(HttpStatus.SERVICE_UNAVAILABLE.value(), ex.getMessage()));
		};
	}

	/**
	 * A change without credentials, or with credentials of no registry user. Spring
	 * Security's entry point hands these over, since they fail before any controller.
	 */
	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ErrorMessage> unauthenticated(AuthenticationException ex, HttpServletRequest request) {
		String problem = (ex instanceof InsufficientAuthenticationException)
				? request.getMethod() + " " + request.getRequestURI() + " changes the registry and needs credentials"
				: "The HTTP Basic credentials were refused (unknown user, wrong password or a malformed "
						+ "Authorization header)";
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE)
			.contentType(ApiMediaTypes.V1_JSON_TYPE)
			.body(new ErrorMessage(HttpStatus.UNAUTHORIZED.value(),
					problem + ": send HTTP Basic credentials of a registry user; see newsroom.registry.auth.users. "
							+ "Kafka serdes take them as basic.auth.user.info=user:password."));
	}

	/**
	 * Malformed JSON is a 400 with error code 400, as in Confluent's registry; a missing
	 * body a 422.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorMessage> unreadableBody(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JacksonException json) {
			return error(HttpStatus.BAD_REQUEST, 400, "Malformed JSON in the request body: " + json.getOriginalMessage()
					+ ". Send a JSON object such as {\"schema\": \"{\\\"type\\\": \\\"string\\\"}\"}.");
		}
		return error(HttpStatus.UNPROCESSABLE_CONTENT, 422,
				"The request has no body. Send a JSON object such as {\"schema\": \"{\\\"type\\\": \\\"string\\\"}\"}.");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ErrorMessage> unsupportedContentType(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 415, "Content type '" + ex.getContentType()
				+ "' is not supported. Send the body as " + ApiMediaTypes.V1_JSON + " or application/json.");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ErrorMessage> unsupportedMethod(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) {
		return error(HttpStatus.METHOD_NOT_ALLOWED, 405, "HTTP 405 Method Not Allowed: " + ex.getMethod() + " "
				+ request.getRequestURI() + " is not supported; this path supports " + ex.getSupportedHttpMethods());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ErrorMessage> noEndpoint(NoResourceFoundException ex, HttpServletRequest request) {
		return error(HttpStatus.NOT_FOUND, 404, "HTTP 404 Not Found: there is no endpoint " + request.getMethod() + " "
				+ request.getRequestURI() + "; the endpoints are listed in the registry's README.");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ErrorMessage> badParameter(MethodArgumentTypeMismatchException ex) {
		return error(HttpStatus.BAD_REQUEST, 400, "Parameter '" + ex.getName() + "' has the value '" + ex.getValue()
				+ "', which is not a valid " + ex.getRequiredType().getSimpleName() + "; use true or false.");
	}

	/**
	 * Any other failure: Spring's own exceptions carry the status to use, anything else
	 * is the registry's fault.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ErrorMessage> otherFailure(Exception ex) {
		if (ex instanceof ErrorResponse response) {
			HttpStatusCode status = response.getStatusCode();
			String detail = response.getBody().getDetail();
			return error(status, status.value(), (detail != null) ? detail : ex.getMessage());
		}
		logger.error("Request failed unexpectedly", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, 500, "Internal error in the schema registry: " + ex
				+ ". Retry; if it persists, the registry's log has the details.");
	}

	private static ResponseEntity<ErrorMessage> serverError(HttpStatus status, int code, RegistryException ex) {
		logger.warn("Request failed: {}", ex.getMessage(), ex.getCause());
		return error(status, code, ex);
	}

	private static ResponseEntity<ErrorMessage> error(HttpStatusCode status, int code, RegistryException ex) {
		return error(status, code, ex.getMessage());
	}

	private static ResponseEntity<ErrorMessage> error(HttpStatusCode status, int code, String message) {
		return ResponseEntity.status(status)
			.contentType(ApiMediaTypes.V1_JSON_TYPE)
			.body(new ErrorMessage(code, message));
	}

}
