package dev.newsroom.publisher.security;

import java.util.Objects;
import java.util.Set;

/**
 * A local account: its name, the bcrypt hash of its password, and its roles. Its
 * {@link #toString()} leaves the hash out, so that logging an account never helps anyone
 * guess its password.
 *
 * @param name the account name, used to sign in and recorded as the actor of its changes
 * @param passwordHash the bcrypt hash of the password
 * @param roles the roles granted, never empty
 */
record Account(String name, String passwordHash, Set<Role> roles) {

	Account {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(passwordHash, "passwordHash");
		roles = Role.setOf(roles);
	}

	Account withRoles(Set<Role> roles) {
		return new Account(this.name, this.passwordHash, roles);
	}

	Account withPasswordHash(String passwordHash) {
		return new Account(this.name, passwordHash, this.roles);
	}

	@Override
	public String toString() {
		return "Account[name=" + this.name + ", roles=" + this.roles + "]";
	}

}
