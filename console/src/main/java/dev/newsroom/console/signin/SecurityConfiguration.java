package dev.newsroom.console.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.newsroom.console.ConsoleSettings;

/**
 * Form sign-in against the publisher's accounts, CSRF protection on every form, sessions
 * that time out ({@code server.servlet.session.timeout}), sign-out that revokes the
 * session's API token, and a content security policy that lets in only the console's own
 * scripts and styles.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	/**
	 * The only way in: the publisher's accounts. Being a bean, it also keeps Spring Boot
	 * from adding its default in-memory user with a generated password, which would
	 * otherwise sign in too.
	 */
	@Bean
	PublisherSignIn publisherSignIn(RestClient publisherClient, ConsoleSettings settings) {
		return new PublisherSignIn(publisherClient, settings.publisherUrl().toString());
	}

	@Bean
	SecurityFilterChain console(HttpSecurity http, RestClient publisherClient, PublisherSignIn publisherSignIn) {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/signin", "/console.css", "/console.js", "/webjars/**", "/actuator/health/**", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/signin").defaultSuccessUrl("/", true).failureUrl("/signin?error"))
			.logout((logout) -> logout.logoutUrl("/signout")
				.addLogoutHandler(revokingTheToken(publisherClient))
				// Without its cookie, the next page is not taken for a timed-out session.
				.deleteCookies("JSESSIONID")
				.logoutSuccessUrl("/signin?signedout"))
			.sessionManagement((sessions) -> sessions.invalidSessionUrl("/signin?timeout"))
			.authenticationProvider(publisherSignIn)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' https: data:; script-src 'self'; style-src 'self'; "
							+ "form-action 'self'; frame-ancestors 'none'")));
		return http.build();
	}

	private static LogoutHandler revokingTheToken(RestClient publisher) {
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof Editor editor) {
				try {
					publisher.delete()
						.uri("/api/tokens/current")
						.header(HttpHeaders.AUTHORIZATION, editor.bearer())
						.retrieve()
						.toBodilessEntity();
					logger.info("{} signed out; their token is revoked", editor.name());
				}
				catch (RestClientException ex) {
					logger.warn("{} signed out, but their token could not be revoked ({}); it expires at {}",
							editor.name(), ex.getMessage(), editor.expiresAt());
				}
			}
		};
	}

}
