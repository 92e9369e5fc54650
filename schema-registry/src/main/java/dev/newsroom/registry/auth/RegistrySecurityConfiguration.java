package dev.newsroom.registry.auth;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Reads are open; every POST, PUT and DELETE needs HTTP Basic credentials of a user in
 * {@link RegistryAuthProperties#users()}, as with Confluent's registry under basic
 * authentication. Stateless: no session, no CSRF token, no login form. A refused request
 * is answered by the API's own error handling, so that it gets Confluent's error body.
 * <p>
 * Complete without Spring Boot's security auto-configuration, which {@code test-support}
 * leaves out so that it does not secure the services whose tests start a registry.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class RegistrySecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RegistrySecurityConfiguration.class);

	@Bean
	SecurityFilterChain registrySecurity(HttpSecurity http, RegistryAuthProperties properties, RegistryUsers users,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		if (!properties.enabled()) {
			logger.warn("Authentication is off (newsroom.registry.auth.enabled=false): anyone who reaches the "
					+ "registry can register and delete schemas. Run it like this on a closed network only.");
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}
		logger.info("Changes to the registry need HTTP Basic credentials of a registry user: {}",
				properties.users().keySet());
		AuthenticationEntryPoint refuse = (request, response, ex) -> errors.resolveException(request, response, null,
				ex);
		return http.authenticationManager(new ProviderManager(users))
			.httpBasic((basic) -> basic.authenticationEntryPoint(refuse))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(refuse))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET)
				.permitAll()
				.requestMatchers(HttpMethod.HEAD)
				.permitAll()
				.anyRequest()
				.authenticated())
			.build();
	}

	/**
	 * The users, as a bean also when authentication is off, so that Spring Boot does not
	 * make up a user of its own (and log its password).
	 * @param properties the users and how long a successful check is remembered
	 * @return the check of credentials against the users
	 */
	@Bean
	RegistryUsers registryUsers(RegistryAuthProperties properties) {
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder()));
		return new RegistryUsers(properties.users(), encoder,
				new VerifiedCredentials(properties.cacheTtl(), properties.cacheSize(), Clock.systemUTC()));
	}

}
