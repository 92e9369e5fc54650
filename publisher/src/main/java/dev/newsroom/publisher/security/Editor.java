package dev.newsroom.publisher.security;

import java.util.Objects;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in person a request acts for: a local account (HTTP Basic or an {@code nr_}
 * token) or a user of the newsroom's identity provider (a JWT). A controller method that
 * declares a parameter {@code Editor editor} receives it; {@link #name()} is the actor to
 * record on events, and {@link #has(Role)} tells what the editor may do.
 *
 * @param name the account name, or for a JWT its name claim ({@code preferred_username}
 * unless configured otherwise, else {@code sub})
 * @param roles the roles granted, without those they imply; {@link #has(Role)} applies
 * the hierarchy
 */
public record Editor(String name, Set<Role> roles) {

	public Editor {
		Objects.requireNonNull(name, "name");
		roles = Role.setOf(roles);
	}

	/**
	 * Whether the editor holds a role, directly or through a higher one: an
	 * {@link Role#ADMIN} has {@link Role#EDITOR} and {@link Role#WRITER}.
	 * @param role the role needed
	 * @return {@code true} if the editor may act in that role
	 */
	public boolean has(Role role) {
		return this.roles.stream().anyMatch((granted) -> granted.includes(role));
	}

	/**
	 * Refuses the request unless the editor holds a role; the refusal is answered 403
	 * with a problem that names the role.
	 * @param role the role needed
	 * @throws AccessDeniedException if the editor does not have it
	 */
	public void require(Role role) {
		if (!has(role)) {
			throw AccessRefusedException.roleMissing(this, role);
		}
	}

}
