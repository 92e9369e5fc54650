package dev.newsroom.publisher.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The roles and their hierarchy, as controllers see them through {@link Editor}.
 */
class EditorTests {

	@Test
	void eachRoleIncludesThoseBelowIt() {
		assertThat(rolesOf(new Editor("nazim", Set.of(Role.ADMIN)))).containsExactly(Role.WRITER, Role.EDITOR,
				Role.ADMIN);
		assertThat(rolesOf(new Editor("leyla", Set.of(Role.EDITOR)))).containsExactly(Role.WRITER, Role.EDITOR);
		assertThat(rolesOf(new Editor("omar", Set.of(Role.WRITER)))).containsExactly(Role.WRITER);
		assertThat(rolesOf(new Editor("guest", Set.of()))).isEmpty();
	}

	@Test
	void roleHierarchyOfTheFilterChainAgreesWithEditor() {
		RoleHierarchy hierarchy = SecurityConfiguration.roleHierarchy();
		for (Role granted : Role.values()) {
			List<String> reachable = hierarchy
				.getReachableGrantedAuthorities(AuthorityUtils.createAuthorityList(granted.authority()))
				.stream()
				.map(GrantedAuthority::getAuthority)
				.toList();
			for (Role asked : Role.values()) {
				assertThat(reachable.contains(asked.authority())).as("%s reaches %s", granted, asked)
					.isEqualTo(new Editor("x", Set.of(granted)).has(asked));
			}
		}
	}

	@Test
	void requireRefusesNamingTheRoleNeededAndThoseHeld() {
		Editor writer = new Editor("omar", Set.of(Role.WRITER));

		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> writer.require(Role.EDITOR))
			.isInstanceOfSatisfying(AccessRefusedException.class,
					(refused) -> assertThat(refused.requiredRole()).contains(Role.EDITOR))
			.withMessageContaining("needs the role EDITOR")
			.withMessageContaining("omar has WRITER");
		new Editor("leyla", Set.of(Role.ADMIN)).require(Role.EDITOR);
	}

	@Test
	void editorOfAnAuthenticationHasItsNameAndTheRolesAmongItsAuthorities() {
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated("leyla",
				null, AuthorityUtils.createAuthorityList("SCOPE_openid", "ROLE_EDITOR", "FACTOR_PASSWORD", "ROLE_X"));

		assertThat(EditorArgumentResolver.editorOf(authentication)).isEqualTo(new Editor("leyla", Set.of(Role.EDITOR)));
	}

	@Test
	void rolesAreAnOrderedCopy() {
		Set<Role> granted = EnumSet.of(Role.ADMIN, Role.WRITER);
		Editor editor = new Editor("nazim", granted);
		granted.clear();

		assertThat(editor.roles()).containsExactly(Role.WRITER, Role.ADMIN);
		assertThat(editor.roles()).isUnmodifiable();
	}

	@Test
	void roleNamesFromOutsideMatchInAnyCase() {
		assertThat(Role.named(" Editor ")).contains(Role.EDITOR);
		assertThat(Role.named("admin")).contains(Role.ADMIN);
		assertThat(Role.named("offline_access")).isEmpty();
		assertThat(Role.fromAuthority("ROLE_WRITER")).contains(Role.WRITER);
		assertThat(Role.fromAuthority("WRITER")).isEmpty();
	}

	private static List<Role> rolesOf(Editor editor) {
		return List.of(Role.values()).stream().filter(editor::has).toList();
	}

}
