package dev.newsroom.viewcounter.queries;

/**
 * A count cannot be answered right now, never with a wrong number: the streams
 * application is starting or rebalancing, or the instance that owns the article did not
 * answer. Answered with 503 and {@code Retry-After}.
 */
class CountsNotReadyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String state;

	CountsNotReadyException(String state, String detail) {
		super(detail);
		this.state = state;
	}

	CountsNotReadyException(String state) {
		this(state,
				"View counts are not readable while the streams application is " + state + "; retry in a few seconds.");
	}

	String state() {
		return this.state;
	}

}
