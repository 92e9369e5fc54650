package dev.newsroom.publisher.security;

import java.io.IOException;
import java.net.URI;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

/**
 * The RFC 9457 problems of sign-in and access, written by the security filters as Spring
 * MVC writes the others, with type URIs under {@code https://newsroom.dev/problems/}.
 */
final class SecurityProblems {

	static final URI UNAUTHENTICATED = URI.create("https://newsroom.dev/problems/unauthenticated");

	static final URI FORBIDDEN = URI.create("https://newsroom.dev/problems/forbidden");

	static final URI IDENTITY_PROVIDER_UNAVAILABLE = URI
		.create("https://newsroom.dev/problems/identity-provider-unavailable");

	private static final JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter();

	private SecurityProblems() {
	}

	static ProblemDetail unauthenticated(HttpServletRequest request, HttpStatus status, String detail) {
		return problem(request, status, UNAUTHENTICATED, "Not signed in", detail);
	}

	static ProblemDetail forbidden(HttpServletRequest request, String detail) {
		return problem(request, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", detail);
	}

	static ProblemDetail identityProviderUnavailable(HttpServletRequest request) {
		return problem(request, HttpStatus.SERVICE_UNAVAILABLE, IDENTITY_PROVIDER_UNAVAILABLE,
				"Identity provider unavailable",
				"The newsroom's identity provider did not answer, so the token could not be checked. "
						+ "Try again shortly, or sign in with a local account.");
	}

	/**
	 * Says that a role is missing, naming the role needed and those held.
	 * @param what what needs the role, such as {@code GET /api/accounts}
	 * @param editor who asked
	 * @param role the role needed
	 * @return the detail of a 403 problem
	 */
	static String roleMissingDetail(String what, Editor editor, Role role) {
		String held = editor.roles().isEmpty() ? "no role"
				: editor.roles().stream().map(Role::name).collect(Collectors.joining(", "));
		return what + " needs the role " + role + "; " + editor.name() + " has " + held
				+ ". Ask an administrator for it.";
	}

	static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		json.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
	}

	private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, URI type, String title,
			String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		try {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		catch (IllegalArgumentException ex) {
			// A path no URI can hold is left out rather than answered with a 500.
		}
		return problem;
	}

}
