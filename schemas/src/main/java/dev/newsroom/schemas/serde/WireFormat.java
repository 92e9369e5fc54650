package dev.newsroom.schemas.serde;

/**
 * Constants of Confluent's wire format.
 */
final class WireFormat {

	static final byte MAGIC_BYTE = 0;

	/** Magic byte plus the 4-byte schema id. */
	static final int HEADER_LENGTH = 5;

	private WireFormat() {
	}

}
