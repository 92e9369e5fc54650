package dev.newsroom.publisher.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a signed-in request that the {@link AccessRules} refuse with a 403 problem that
 * names the role needed (also as the property {@code requiredRole}) and the roles held.
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemAccessDeniedHandler.class);

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
			.getContext()
			.getAuthentication();
		Editor editor = EditorArgumentResolver.editorOf(authentication);
		String what = request.getMethod() + " " + request.getRequestURI();
		Optional<Role> required = AccessRules.requiredRole(request);
		logger.info("Refused {} to {}: {}", what, LogText.printable(editor.name()),
				required.map((role) -> "needs " + role).orElse("nothing is served there"));
		ProblemDetail problem = SecurityProblems.forbidden(request,
				required.map((role) -> SecurityProblems.roleMissingDetail(what, editor, role))
					.orElse("Nothing is served at " + what + "."));
		required.ifPresent((role) -> problem.setProperty("requiredRole", role));
		SecurityProblems.write(response, problem);
	}

}
