package dev.newsroom.publisher.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads who a JWT from the identity provider signs in: the name from the configured claim
 * (else {@code sub}), and the roles from the configured claim. That claim may be a dotted
 * path into nested claims (Keycloak's {@code realm_access.roles}) and hold a list or a
 * space- or comma-separated string; role names match in any case, and names that are no
 * newsroom role are ignored.
 */
final class JwtEditors implements Converter<Jwt, AbstractAuthenticationToken> {

	private final String nameClaim;

	private final String rolesClaim;

	JwtEditors(SecuritySettings.Oidc oidc) {
		this.nameClaim = oidc.nameClaim();
		this.rolesClaim = oidc.rolesClaim();
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String name = name(jwt.getClaims()).orElseThrow(() -> new InvalidBearerTokenException(
				"The token names nobody: it has neither the claim " + this.nameClaim + " nor sub"));
		return new JwtAuthenticationToken(jwt,
				roles(jwt.getClaims()).stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList(),
				name);
	}

	Optional<String> name(Map<String, Object> claims) {
		return Stream.of(claim(claims, this.nameClaim), claims.get("sub"))
			.filter((value) -> value instanceof String text && !text.isBlank())
			.map(String.class::cast)
			.findFirst();
	}

	Set<Role> roles(Map<String, Object> claims) {
		Object value = claim(claims, this.rolesClaim);
		Stream<String> names;
		if (value instanceof Collection<?> list) {
			names = list.stream().filter(String.class::isInstance).map(String.class::cast);
		}
		else if (value instanceof String text) {
			names = Stream.of(text.split("[\\s,]+"));
		}
		else {
			return Set.of();
		}
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		names.map(Role::named).flatMap(Optional::stream).forEach(roles::add);
		return Role.setOf(roles);
	}

	/**
	 * A claim by name, or else by a dotted path into nested claims; a name with dots
	 * (such as a namespaced claim {@code https://newsroom.dev/roles}) is tried whole
	 * first.
	 */
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

}
