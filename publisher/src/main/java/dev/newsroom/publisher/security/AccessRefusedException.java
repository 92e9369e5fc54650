package dev.newsroom.publisher.security;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;

/**
 * A signed-in editor may not do what the request asks. Its message is the detail of the
 * 403 problem, so it says what would be allowed.
 */
class AccessRefusedException extends AccessDeniedException {

	private final @Nullable Role requiredRole;

	AccessRefusedException(String detail, @Nullable Role requiredRole) {
		super(detail);
		this.requiredRole = requiredRole;
	}

	static AccessRefusedException roleMissing(Editor editor, Role role) {
		return new AccessRefusedException(SecurityProblems.roleMissingDetail("This", editor, role), role);
	}

	Optional<Role> requiredRole() {
		return Optional.ofNullable(this.requiredRole);
	}

}
