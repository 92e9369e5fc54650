package dev.newsroom.console.stories;

/**
 * The publisher no longer takes the session's token (it expired, or was revoked when the
 * account's password changed): the editor signs in again.
 */
class SignInExpiredException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	SignInExpiredException() {
		super("The publisher no longer takes this session's token; sign in again.");
	}

}
