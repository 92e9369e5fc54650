package dev.newsroom.notifier.deliveries;

/**
 * A "posted" resolution that does not say which post; 422, and nothing is written.
 */
class InvalidResolutionException extends RuntimeException {

	InvalidResolutionException(String message) {
		super(message);
	}

}
