package dev.newsroom.publisher.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A JWT could not be checked because the identity provider did not answer (its discovery
 * document or its signing keys). The request is answered 503, not 401: the token may be
 * fine, and the client should try again later.
 */
class IdentityProviderUnavailableException extends AuthenticationException {

	IdentityProviderUnavailableException(String issuer, Throwable cause) {
		super("The identity provider " + issuer + " did not answer (" + rootMessage(cause) + ")", cause);
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
