package dev.newsroom.publisher.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Who a JWT of the identity provider signs in, as the claims of Keycloak, Auth0 and plain
 * OpenID Connect providers spell it.
 */
class JwtEditorsTests {

	@Test
	void rolesComeFromANestedClaimInAnyCaseIgnoringOthers() {
		JwtEditors keycloak = editors("realm_access.roles", "preferred_username");

		assertThat(keycloak.roles(Map.of("realm_access",
				Map.of("roles", List.of("Editor", "offline_access", "WRITER", "uma_authorization")))))
			.containsExactly(Role.WRITER, Role.EDITOR);
	}

	@Test
	void rolesMayBeASpaceOrCommaSeparatedString() {
		assertThat(editors("roles", "sub").roles(Map.of("roles", "editor, admin"))).containsExactly(Role.EDITOR,
				Role.ADMIN);
		assertThat(editors("roles", "sub").roles(Map.of("roles", "writer"))).containsExactly(Role.WRITER);
	}

	@Test
	void namespacedClaimWithDotsIsReadWhole() {
		JwtEditors auth0 = editors("https://newsroom.dev/roles", "sub");

		assertThat(auth0.roles(Map.of("https://newsroom.dev/roles", List.of("admin")))).containsExactly(Role.ADMIN);
	}

	@Test
	void missingOrUnreadableRolesClaimGivesNoRoles() {
		JwtEditors keycloak = editors("realm_access.roles", "sub");

		assertThat(keycloak.roles(Map.of())).isEmpty();
		assertThat(keycloak.roles(Map.of("realm_access", "editor"))).isEmpty();
		assertThat(keycloak.roles(Map.of("realm_access", Map.of("roles", 42)))).isEmpty();
	}

	@Test
	void nameComesFromTheConfiguredClaimElseTheSubject() {
		JwtEditors editors = editors("roles", "preferred_username");

		assertThat(editors.name(Map.of("preferred_username", "aysel", "sub", "5f1c"))).contains("aysel");
		assertThat(editors.name(Map.of("preferred_username", " ", "sub", "5f1c"))).contains("5f1c");
		assertThat(editors.name(Map.of("sub", "5f1c"))).contains("5f1c");
	}

	@Test
	void tokenThatNamesNobodyIsRefused() {
		Jwt nameless = Jwt.withTokenValue("t").header("alg", "RS256").claim("roles", List.of("editor")).build();

		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> editors("roles", "preferred_username").convert(nameless))
			.withMessageContaining("preferred_username");
	}

	@Test
	void convertedTokenIsNamedAndCarriesTheRoles() {
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claim("sub", "5f1c")
			.claim("preferred_username", "aysel")
			.claim("roles", List.of("EDITOR"))
			.build();

		assertThat(EditorArgumentResolver.editorOf(editors("roles", "preferred_username").convert(jwt)))
			.isEqualTo(new Editor("aysel", Set.of(Role.EDITOR)));
	}

	private static JwtEditors editors(String rolesClaim, String nameClaim) {
		return new JwtEditors(new SecuritySettings.Oidc(null, rolesClaim, nameClaim));
	}

}
