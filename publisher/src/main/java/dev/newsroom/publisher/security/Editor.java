package dev.newsroom.publisher.security;

import java.util.Set;

public record Editor(String name, Set<Role> roles) {

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
