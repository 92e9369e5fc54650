package dev.newsroom.notifier.deliveries;

/**
 * No such delivery of the article, or no such channel; 404.
 */
class DeliveryNotFoundException extends RuntimeException {

	DeliveryNotFoundException(String message) {
		super(message);
	}

}
