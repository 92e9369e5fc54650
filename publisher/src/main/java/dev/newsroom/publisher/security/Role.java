package dev.newsroom.publisher.security;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an account may do. Each role includes those declared before it: an {@link #ADMIN}
 * is also an {@link #EDITOR}, and an editor is also a {@link #WRITER}. In Spring Security
 * they are the authorities {@code ROLE_WRITER}, {@code ROLE_EDITOR} and
 * {@code ROLE_ADMIN}.
 */
public enum Role {

	/** Creates and edits unpublished work. */
	WRITER,

	/** Publishes, updates, schedules and unpublishes articles. */
	EDITOR,

	/** Manages accounts and the registry. */
	ADMIN;

	private static final String AUTHORITY_PREFIX = "ROLE_";

	/**
	 * Whether this role includes another, following the hierarchy.
	 * @param other the role asked for
	 * @return {@code true} if this role is {@code other} or ranks above it
	 */
	boolean includes(Role other) {
		return compareTo(other) >= 0;
	}

	/**
	 * The role's Spring Security authority.
	 * @return for example {@code ROLE_EDITOR}
	 */
	String authority() {
		return AUTHORITY_PREFIX + name();
	}

	static Optional<Role> fromAuthority(String authority) {
		return authority.startsWith(AUTHORITY_PREFIX) ? named(authority.substring(AUTHORITY_PREFIX.length()))
				: Optional.empty();
	}

	/**
	 * The role a name stands for, in any case: {@code editor} is {@link #EDITOR}.
	 * @param name the name, as an identity provider may spell it
	 * @return the role, or empty if the name is no role of the newsroom
	 */
	static Optional<Role> named(String name) {
		String upper = name.strip().toUpperCase(Locale.ROOT);
		for (Role role : values()) {
			if (role.name().equals(upper)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	/**
	 * An unmodifiable copy of some roles that iterates from the lowest to the highest.
	 * @param roles the roles
	 * @return the copy
	 */
	static Set<Role> setOf(Collection<Role> roles) {
		EnumSet<Role> set = EnumSet.noneOf(Role.class);
		set.addAll(roles);
		return Collections.unmodifiableSet(set);
	}

}
