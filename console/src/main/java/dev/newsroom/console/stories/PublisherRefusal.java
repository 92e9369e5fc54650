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

	/**
	 * @return what to tell the editor above the form: which fields to fix when the
	 * publisher named them, else its own words
	 */
	String summary() {
		return switch (this.fieldErrors.size()) {
			case 0 -> getMessage();
			case 1 -> "One field needs a change before this can be saved; it is marked below.";
			default ->
				this.fieldErrors.size() + " fields need a change before this can be saved; they are marked below.";
		};
	}

}
