package dev.newsroom.publisher.security;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/**
 * Chooses who checks a bearer token. A token that starts with {@code nr_} is one of the
 * publisher's API tokens, looked up by its hash in the {@link AccountStore}: no bcrypt,
 * so it costs next to nothing per request. Any other token is a JWT for the identity
 * provider, whose keys are fetched at the first JWT rather than at startup; without an
 * issuer configured, it is refused.
 */
@Component
class BearerTokens implements AuthenticationManagerResolver<HttpServletRequest> {

	private static final Logger logger = LoggerFactory.getLogger(BearerTokens.class);

	private static final Duration IDENTITY_PROVIDER_TIMEOUT = Duration.ofSeconds(5);

	private final BearerTokenResolver resolver = new DefaultBearerTokenResolver();

	private final AuthenticationManager apiTokens;

	private final AuthenticationManager jwts;

	BearerTokens(AccountStore accounts, SecuritySettings settings) {
		this.apiTokens = apiTokens(accounts);
		this.jwts = settings.oidc().enabled() ? jwts(settings.oidc()) : (authentication) -> {
			throw new InvalidBearerTokenException(
					"Only the publisher's own tokens (nr_…) are accepted: no identity provider is configured");
		};
	}

	BearerTokenResolver resolver() {
		return this.resolver;
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		String token = this.resolver.resolve(request);
		return (token != null && Secrets.isToken(token)) ? this.apiTokens : this.jwts;
	}

	private static AuthenticationManager apiTokens(AccountStore accounts) {
		return (authentication) -> {
			String hash = Secrets.hash(((BearerTokenAuthenticationToken) authentication).getToken());
			return accounts.holderOf(hash)
				.map((account) -> AccountAuthentication.byToken(account, hash))
				.orElseThrow(() -> {
					logger.info("Refused an API token that is unknown, expired or revoked");
					return new InvalidBearerTokenException("The token is unknown, expired or revoked");
				});
		};
	}

	private static AuthenticationManager jwts(SecuritySettings.Oidc oidc) {
		String issuer = String.valueOf(oidc.issuer());
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(IDENTITY_PROVIDER_TIMEOUT);
		requests.setReadTimeout(IDENTITY_PROVIDER_TIMEOUT);
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(new SupplierJwtDecoder(
				() -> NimbusJwtDecoder.withIssuerLocation(issuer).restOperations(new RestTemplate(requests)).build()));
		provider.setJwtAuthenticationConverter(new JwtEditors(oidc));
		return (authentication) -> {
			try {
				return provider.authenticate(authentication);
			}
			catch (OAuth2AuthenticationException ex) {
				logger.info("Refused a JWT: {}", ex.getMessage());
				throw ex;
			}
			catch (AuthenticationServiceException | JwtDecoderInitializationException ex) {
				IdentityProviderUnavailableException unavailable = new IdentityProviderUnavailableException(issuer, ex);
				logger.warn("Cannot check a JWT: {}", unavailable.getMessage());
				throw unavailable;
			}
		};
	}

}
