package dev.newsroom.notifier.deliveries;

/**
 * A retry, cancel or resume that the delivery's or channel's state does not allow; 409.
 */
class DeliveryCommandRefusedException extends RuntimeException {

	DeliveryCommandRefusedException(String message) {
		super(message);
	}

}
