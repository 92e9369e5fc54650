package dev.newsroom.console.signin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Signs an editor in with their publisher account: the name and password are sent once,
 * to the publisher's {@code POST /api/tokens}, whose token and roles are kept in the
 * session. A refusal says the same whether the name or the password was wrong.
 */
class PublisherSignIn implements AuthenticationProvider {

	/** Shown for any refused sign-in: it never says which of the two was wrong. */
	static final String REFUSED = "The name or password is not right.";

	private static final Logger logger = LoggerFactory.getLogger(PublisherSignIn.class);

	private final RestClient publisher;

	private final String publisherUrl;

	PublisherSignIn(RestClient publisher, String publisherUrl) {
		this.publisher = publisher;
		this.publisherUrl = publisherUrl;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		if (name.isBlank() || password.isEmpty()) {
			throw new BadCredentialsException(REFUSED);
		}
		String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
		JsonNode issued;
		try {
			issued = this.publisher.post()
				.uri("/api/tokens")
				.header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
				.exchange((request, response) -> {
					int status = response.getStatusCode().value();
					if (status == 401 || status == 403) {
						return null;
					}
					if (status != 201) {
						throw new AuthenticationServiceException(unavailable("answered " + status));
					}
					return response.bodyTo(JsonNode.class);
				});
		}
		catch (RestClientException ex) {
			throw new AuthenticationServiceException(unavailable(ex.getMessage()), ex);
		}
		if (issued == null) {
			logger.info("Sign-in of {} refused by the publisher", name);
			throw new BadCredentialsException(REFUSED);
		}
		Set<String> roles = new HashSet<>();
		issued.path("roles").valueStream().forEach((role) -> roles.add(role.asString()));
		Editor editor = new Editor(issued.path("name").asString(), issued.path("token").asString(), roles,
				Instant.parse(issued.path("expiresAt").asString()));
		logger.info("{} signed in with roles {}", editor.name(), editor.roles());
		List<SimpleGrantedAuthority> authorities = roles.stream()
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(editor, null, authorities);
	}

	private String unavailable(String why) {
		return "The publisher at " + this.publisherUrl + " could not sign you in (" + why
				+ "). Try again in a moment; if it keeps failing, check that the publisher is running.";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
