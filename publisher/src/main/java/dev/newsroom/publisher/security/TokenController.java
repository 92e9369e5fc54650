package dev.newsroom.publisher.security;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in and sign-out with API tokens: a local account trades its name and password
 * (HTTP Basic) for a token that then signs in its requests cheaply, until it expires or
 * is revoked.
 */
@RestController
@RequestMapping(path = "/api/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
class TokenController {

	static final URI NO_TOKEN = URI.create("https://newsroom.dev/problems/no-token");

	private static final Logger logger = LoggerFactory.getLogger(TokenController.class);

	private final AccountStore accounts;

	TokenController(AccountStore accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	ResponseEntity<IssuedToken> signIn(Authentication authentication) {
		if (!(authentication instanceof AccountAuthentication account) || account.tokenHash().isPresent()) {
			throw new AccessRefusedException(
					"A token is issued for an account name and password (HTTP Basic) "
							+ "only: a token does not buy another, and users of the identity provider use its tokens.",
					null);
		}
		IssuedToken token = this.accounts.issueToken(account.getName());
		logger.info("Issued a token to {}, valid until {}", token.name(), token.expiresAt());
		return ResponseEntity.status(HttpStatus.CREATED).body(token);
	}

	@DeleteMapping("/current")
	ResponseEntity<?> signOut(Authentication authentication) {
		if (authentication instanceof AccountAuthentication account && account.tokenHash().isPresent()) {
			this.accounts.revokeToken(account.tokenHash().get());
			logger.info("Revoked a token of {} at its holder's request", account.getName());
			return ResponseEntity.noContent().build();
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"This request was not signed in with a token of the publisher, so there is none to revoke: "
						+ "send the token to revoke as Authorization: Bearer nr_….");
		problem.setType(NO_TOKEN);
		problem.setTitle("No token to revoke");
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
