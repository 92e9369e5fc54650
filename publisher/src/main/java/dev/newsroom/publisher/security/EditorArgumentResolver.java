package dev.newsroom.publisher.security;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method's {@link Editor} parameter the signed-in person: the name the
 * authentication carries (the account name, or a JWT's name claim) and the roles among
 * its authorities.
 */
final class EditorArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Editor.class;
	}

	@Override
	public Editor resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
			.getContext()
			.getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			throw new IllegalStateException("No one is signed in for " + parameter.getExecutable()
					+ ", which asks for an Editor: serve it under a path that AccessRules require sign-in for, "
					+ "such as /api/**");
		}
		return editorOf(authentication);
	}

	static Editor editorOf(Authentication authentication) {
		return new Editor(authentication.getName(),
				Role.setOf(authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.filter(Objects::nonNull)
					.map(Role::fromAuthority)
					.flatMap(Optional::stream)
					.toList()));
	}

}
