package dev.newsroom.console.stories;

import java.util.Map;

/**
 * The publisher refused a change: its problem details, with the message for each field
 * that was wrong, to show next to the field.
 */
class PublisherRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final transient Map<String, String> fieldErrors;

	PublisherRefusal(int status, String detail, Map<String, String> fieldErrors) {
		super(detail);
		this.status = status;
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	int status() {
		return this.status;
	}

	Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

}
