package dev.newsroom.registry;

/**
 * A request the registry cannot fulfil, with the {@link Reason} that the REST API turns
 * into Confluent's status and error codes. The message says what went wrong and what to
 * do about it.
 */
public class RegistryException extends RuntimeException {

	private final Reason reason;

	public RegistryException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public RegistryException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a request failed.
	 */
	public enum Reason {

		/** No such subject (Confluent 40401). */
		SUBJECT_NOT_FOUND,

		/** No such version under an existing subject (40402). */
		VERSION_NOT_FOUND,

		/**
		 * No such schema id, or the schema is not registered under the subject (40403).
		 */
		SCHEMA_NOT_FOUND,

		/** The subject was soft-deleted already (40404). */
		SUBJECT_SOFT_DELETED,

		/** A permanent delete of a subject that was not soft-deleted first (40405). */
		SUBJECT_NOT_SOFT_DELETED,

		/** The version was soft-deleted already (40406). */
		VERSION_SOFT_DELETED,

		/** A permanent delete of a version that was not soft-deleted first (40407). */
		VERSION_NOT_SOFT_DELETED,

		/** The subject has no compatibility level of its own (40408). */
		SUBJECT_COMPATIBILITY_NOT_CONFIGURED,

		/** The schema breaks the subject's compatibility level (409). */
		INCOMPATIBLE_SCHEMA,

		/**
		 * Not a valid Avro schema, or not a kind of schema this registry supports
		 * (42201).
		 */
		INVALID_SCHEMA,

		/** A version that is neither a positive number, -1 nor "latest" (42202). */
		INVALID_VERSION,

		/** Not one of the seven compatibility levels (42203). */
		INVALID_COMPATIBILITY_LEVEL,

		/** Kafka failed to store or read a change (50001). */
		STORE_FAILED,

		/** Kafka did not store or return a change in time (50002). */
		STORE_TIMED_OUT,

		/** The registry has not yet read its topic to the end since it started. */
		STORE_NOT_READY

	}

}
