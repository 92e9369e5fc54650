package dev.newsroom.publisher.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain: stateless HTTP Basic and bearer tokens (the publisher's own, or the
 * identity provider's JWTs), no session, no CSRF token (no cookie authenticates), no
 * login form; the {@link AccessRules}; and problem answers for 401 and 403.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, PasswordAuthenticationProvider passwords,
			BearerTokens bearerTokens, SecuritySettings settings) {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
		ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler();
		return http.authenticationManager(new ProviderManager(passwords))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.httpBasic((basic) -> basic.realmName(ProblemAuthenticationEntryPoint.REALM)
				.authenticationEntryPoint(entryPoint))
			.oauth2ResourceServer((bearer) -> bearer.authenticationManagerResolver(bearerTokens)
				.bearerTokenResolver(bearerTokens.resolver())
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied)
				.protectedResourceMetadata((metadata) -> metadata
					.protectedResourceMetadataCustomizer((resource) -> describe(resource, settings.oidc()))))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.authorizeHttpRequests(AccessRules::apply)
			.build();
	}

	/**
	 * The document at {@code /.well-known/oauth-protected-resource} (RFC 9728) that the
	 * Bearer challenge points to: which identity provider issues tokens for the API, if
	 * any, and that tokens are not bound to client certificates.
	 */
	private static void describe(OAuth2ProtectedResourceMetadata.Builder resource, SecuritySettings.Oidc oidc) {
		resource.resourceName("Newsroom publisher").tlsClientCertificateBoundAccessTokens(false);
		if (oidc.enabled()) {
			resource.authorizationServer(String.valueOf(oidc.issuer()));
		}
	}

	/**
	 * ADMIN includes EDITOR, which includes WRITER, in the order {@link Role} declares
	 * them; the filter chain's role checks apply it.
	 * @return the hierarchy
	 */
	@Bean
	static RoleHierarchy roleHierarchy() {
		RoleHierarchyImpl.Builder hierarchy = RoleHierarchyImpl.withDefaultRolePrefix();
		Role[] roles = Role.values();
		for (int i = roles.length - 1; i > 0; i--) {
			hierarchy = hierarchy.role(roles[i].name()).implies(roles[i - 1].name());
		}
		return hierarchy.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
