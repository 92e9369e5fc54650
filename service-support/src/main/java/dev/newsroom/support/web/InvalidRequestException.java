package dev.newsroom.support.web;

import java.util.List;

/**
 * A request whose fields are well formed but break a rule that bean validation cannot
 * express, such as a time that must lie in the future. Answered like a validation
 * failure: 400 with the fields under {@code errors}.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldError> errors;

	/**
	 * @param errors the invalid fields
	 */
	public InvalidRequestException(List<FieldError> errors) {
		super(errors.size() + " field(s) of the request are invalid: " + errors);
		this.errors = List.copyOf(errors);
	}

	/**
	 * @param field the JSON path of the field
	 * @param message what is wrong and what is expected
	 */
	public InvalidRequestException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	/**
	 * @return the invalid fields
	 */
	public List<FieldError> errors() {
		return this.errors;
	}

}
