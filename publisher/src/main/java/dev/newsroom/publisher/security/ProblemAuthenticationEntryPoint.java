package dev.newsroom.publisher.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request that is not signed in with a 401 problem and the challenges a client
 * needs: {@code Basic realm="newsroom"} and {@code Bearer} when no credentials came, only
 * the standard {@code Bearer error="invalid_token"} challenge when a bearer token was
 * refused. When the identity provider cannot be reached, it answers 503 instead.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String REALM = "newsroom";

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	ProblemAuthenticationEntryPoint() {
		this.bearer.setRealmName(REALM);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof IdentityProviderUnavailableException) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "30");
			SecurityProblems.write(response, SecurityProblems.identityProviderUnavailable(request));
			return;
		}
		boolean bearerRefused = failure instanceof OAuth2AuthenticationException;
		if (!bearerRefused) {
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
		}
		// Adds the Bearer challenge, with the error of a refused token, and sets the
		// status.
		this.bearer.commence(request, response, failure);
		HttpStatus status = HttpStatus.valueOf(response.getStatus());
		SecurityProblems.write(response, SecurityProblems.unauthenticated(request, status, detail(failure, status)));
	}

	private static String detail(AuthenticationException failure, HttpStatus status) {
		if (failure instanceof OAuth2AuthenticationException) {
			return (status == HttpStatus.UNAUTHORIZED)
					? "The bearer token was refused: it is unknown, expired, revoked, or not signed by the "
							+ "newsroom's identity provider. Get a new one: POST /api/tokens with your account "
							+ "name and password, or sign in again at the identity provider."
					: "The Authorization header holds no well-formed bearer token; send Authorization: Bearer "
							+ "<token>.";
		}
		if (failure instanceof BadCredentialsException) {
			return "The account name or password is wrong. Check both, or ask an administrator to set a new "
					+ "password.";
		}
		return "Sign in first: send your account name and password (HTTP Basic), or Authorization: Bearer "
				+ "<token> with a token from POST /api/tokens or from the newsroom's identity provider.";
	}

}
