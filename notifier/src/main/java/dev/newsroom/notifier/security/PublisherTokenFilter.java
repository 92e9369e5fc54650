package dev.newsroom.notifier.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries one of the publisher's API tokens
 * ({@code Authorization: Bearer nr_…}), as the editors' console sends; other requests go
 * on to HTTP Basic and the identity provider's JWTs.
 */
final class PublisherTokenFilter extends OncePerRequestFilter {

	static final String PREFIX = "Bearer nr_";

	private final PublisherAccounts accounts;

	private final AuthenticationEntryPoint refused;

	PublisherTokenFilter(PublisherAccounts accounts, AuthenticationEntryPoint refused) {
		this.accounts = accounts;
		this.refused = refused;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.startsWith(PREFIX)) {
			try {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(this.accounts.authenticateToken(authorization.substring("Bearer ".length())));
				SecurityContextHolder.setContext(context);
			}
			catch (AuthenticationException ex) {
				SecurityContextHolder.clearContext();
				this.refused.commence(request, response, ex);
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
