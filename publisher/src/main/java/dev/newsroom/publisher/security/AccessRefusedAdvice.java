package dev.newsroom.publisher.security;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers an {@link AccessDeniedException} thrown by a controller, such as
 * {@link Editor#require(Role)}'s, with the same 403 problem as the filter chain's
 * refusals, rather than letting the catch-all handler make a 500 of it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessRefusedAdvice {

	private static final Logger logger = LoggerFactory.getLogger(AccessRefusedAdvice.class);

	@ExceptionHandler
	ProblemDetail refused(AccessDeniedException refusal, HttpServletRequest request) {
		String detail = (refusal instanceof AccessRefusedException) ? refusal.getMessage()
				: "Your roles do not allow this.";
		Principal principal = request.getUserPrincipal();
		logger.info("Refused {} {} to {}: {}", request.getMethod(), request.getRequestURI(),
				(principal != null) ? LogText.printable(principal.getName()) : "nobody", detail);
		ProblemDetail problem = SecurityProblems.forbidden(request, detail);
		if (refusal instanceof AccessRefusedException refused) {
			refused.requiredRole().ifPresent((role) -> problem.setProperty("requiredRole", role));
		}
		return problem;
	}

}
