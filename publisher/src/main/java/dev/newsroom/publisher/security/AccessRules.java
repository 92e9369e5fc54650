package dev.newsroom.publisher.security;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what, in one list that the filter chain enforces and that 403 answers
 * quote. Health, info and the API docs are open (as is the standard
 * {@code /.well-known/oauth-protected-resource}, served before these rules); the rest of
 * the API needs a signed-in {@link Role#WRITER} or above, account management an
 * {@link Role#ADMIN} (except changing one's own password, which {@code AccountController}
 * checks); anything else is refused. Finer rules, such as who may publish an article in a
 * given state, are the domain's, through {@link Editor#has(Role)}.
 */
final class AccessRules {

	private static final PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();

	private static final List<RequestMatcher> OPEN = List.of(paths.matcher("/actuator/health/**"),
			paths.matcher("/actuator/info"), paths.matcher(HttpMethod.GET, "/actuator/prometheus"),
			paths.matcher("/v3/api-docs/**"), paths.matcher("/swagger-ui/**"), paths.matcher("/swagger-ui.html"),
			paths.matcher(HttpMethod.GET, "/asyncapi.yaml"), paths.matcher(HttpMethod.GET, "/avro/*.avsc"));

	private static final List<Rule> RULES = List.of(
			new Rule(paths.matcher(HttpMethod.PUT, "/api/accounts/*/password"), Role.WRITER),
			new Rule(paths.matcher("/api/accounts/**"), Role.ADMIN), new Rule(paths.matcher("/api/**"), Role.WRITER),
			new Rule(paths.matcher("/actuator/**"), Role.ADMIN));

	private AccessRules() {
	}

	static void apply(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		// The error page the container renders after a failure holds no data.
		requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
		requests.requestMatchers(OPEN.toArray(RequestMatcher[]::new)).permitAll();
		for (Rule rule : RULES) {
			requests.requestMatchers(rule.matcher()).hasRole(rule.role().name());
		}
		requests.anyRequest().denyAll();
	}

	/**
	 * The role a request needs.
	 * @param request the request
	 * @return the role, or empty if the request is open or refused to everyone
	 */
	static Optional<Role> requiredRole(HttpServletRequest request) {
		if (OPEN.stream().anyMatch((open) -> open.matches(request))) {
			return Optional.empty();
		}
		return RULES.stream().filter((rule) -> rule.matcher().matches(request)).map(Rule::role).findFirst();
	}

	private record Rule(RequestMatcher matcher, Role role) {
	}

}
