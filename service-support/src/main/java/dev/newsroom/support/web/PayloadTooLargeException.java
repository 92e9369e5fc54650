package dev.newsroom.support.web;

import java.io.IOException;

/**
 * A request body passed the service's limit while it was being read. An
 * {@link IOException}, so that it travels through message converters; the problem handler
 * answers it with 413.
 */
public class PayloadTooLargeException extends IOException {

	private final long maxBytes;

	PayloadTooLargeException(long maxBytes) {
		super("The request body is larger than " + maxBytes + " bytes");
		this.maxBytes = maxBytes;
	}

	/**
	 * @return the limit, in bytes
	 */
	public long maxBytes() {
		return this.maxBytes;
	}

}
