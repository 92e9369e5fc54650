package dev.newsroom.notifier.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The filter chain: stateless, no session or CSRF token (no cookie signs anyone in); HTTP
 * Basic against the publisher's accounts, and JWTs when an identity provider is
 * configured. Reading deliveries and channels is open, as are health and metrics; retry,
 * cancel and resume need an editor. 401 and 403 are problem details.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String REALM = "Newsroom notifier";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Bean
	SecurityFilterChain notifierSecurity(HttpSecurity http, NotifierSecuritySettings settings, Clock clock) {
		PublisherAccounts accounts = new PublisherAccounts(settings.accountsFile(), new BCryptPasswordEncoder(), clock);
		AuthenticationEntryPoint refused = (request, response, ex) -> problem(response, 401,
				"Sign in as an editor: HTTP Basic with the publisher's account, a token from the publisher, or a "
						+ "bearer token from the newsroom's identity provider");
		http.addFilterBefore(new PublisherTokenFilter(accounts, refused), BasicAuthenticationFilter.class);
		http.authenticationManager(new ProviderManager(accounts))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.httpBasic((basic) -> basic.realmName(REALM)
				.authenticationEntryPoint((request, response, ex) -> problem(response, 401,
						"Sign in as an editor: HTTP Basic with the publisher's account, or a bearer token from the "
								+ "newsroom's identity provider")))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problem(response, 401,
						"Sign in as an editor: HTTP Basic with the publisher's account, or a bearer token from the "
								+ "newsroom's identity provider"))
				.accessDeniedHandler((request, response, ex) -> problem(response, 403,
						"Retrying, cancelling and resuming deliveries needs the editor role")))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.GET, "/api/**", "/actuator/health/**", "/actuator/health", "/actuator/info",
						"/actuator/prometheus")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/previews")
				.authenticated()
				.requestMatchers(HttpMethod.POST, "/api/**")
				.hasRole("EDITOR")
				.requestMatchers("/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.denyAll());
		NotifierSecuritySettings.Oidc oidc = settings.oidc();
		if (oidc.issuer() != null) {
			String issuer = oidc.issuer().toString();
			JwtDecoder decoder = new SupplierJwtDecoder(() -> NimbusJwtDecoder.withIssuerLocation(issuer).build());
			// The publisher's own tokens are not JWTs; PublisherTokenFilter takes them.
			DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
			http.oauth2ResourceServer((resource) -> resource.bearerTokenResolver((request) -> {
				String token = bearer.resolve(request);
				return (token != null && token.startsWith("nr_")) ? null : token;
			})
				.jwt((jwt) -> jwt.decoder(decoder)
					.jwtAuthenticationConverter(
							(token) -> new JwtAuthenticationToken(token, authorities(token, oidc), name(token)))));
		}
		return http.build();
	}

	private static String name(Jwt jwt) {
		String name = jwt.getClaimAsString("preferred_username");
		return (name != null) ? name : jwt.getSubject();
	}

	private static Collection<SimpleGrantedAuthority> authorities(Jwt jwt, NotifierSecuritySettings.Oidc oidc) {
		Object value = claim(jwt.getClaims(), oidc.rolesClaim());
		Set<String> roles = new HashSet<>();
		if (value instanceof Collection<?> list) {
			list.forEach((role) -> roles.add(String.valueOf(role)));
		}
		else if (value instanceof String text) {
			roles.addAll(Set.of(text.split("[\\s,]+")));
		}
		return PublisherAccounts.Roles.implied(roles).stream().map(SimpleGrantedAuthority::new).toList();
	}

	private static @Nullable Object claim(Map<String, Object> claims, String path) {
		if (claims.containsKey(path)) {
			return claims.get(path);
		}
		Object value = claims;
		for (String part : path.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = map.get(part);
		}
		return value;
	}

	private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		response.getWriter().write(json.writeValueAsString(problem));
	}

}
