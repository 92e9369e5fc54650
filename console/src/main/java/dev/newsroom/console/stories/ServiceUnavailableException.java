package dev.newsroom.console.stories;

/**
 * A service the page needs did not answer, or answered with an error of its own.
 */
class ServiceUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ServiceUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	ServiceUnavailableException(String message) {
		super(message);
	}

}
