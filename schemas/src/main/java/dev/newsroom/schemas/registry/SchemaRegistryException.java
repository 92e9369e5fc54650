package dev.newsroom.schemas.registry;

/**
 * The registry answered with an error, or could not be reached. Carries Confluent's
 * {@code error_code} so that callers can tell, for example, an unknown schema id (40403)
 * from an incompatible schema (409).
 */
public class SchemaRegistryException extends RuntimeException {

	/** Confluent's error code for a subject that does not exist. */
	public static final int SUBJECT_NOT_FOUND = 40401;

	/** Confluent's error code for a version that does not exist. */
	public static final int VERSION_NOT_FOUND = 40402;

	/** Confluent's error code for a schema (id) that does not exist. */
	public static final int SCHEMA_NOT_FOUND = 40403;

	/** Confluent's error code for a schema that is incompatible with earlier versions. */
	public static final int INCOMPATIBLE_SCHEMA = 409;

	/** Confluent's error code for a schema that is not valid Avro. */
	public static final int INVALID_SCHEMA = 42201;

	/** Used when no HTTP answer was received. */
	public static final int UNREACHABLE = -1;

	private final int status;

	private final int errorCode;

	public SchemaRegistryException(String message, int status, int errorCode) {
		super(message);
		this.status = status;
		this.errorCode = errorCode;
	}

	public SchemaRegistryException(String message, Throwable cause) {
		super(message, cause);
		this.status = UNREACHABLE;
		this.errorCode = UNREACHABLE;
	}

	/**
	 * @return the HTTP status, or {@link #UNREACHABLE}
	 */
	public int status() {
		return this.status;
	}

	/**
	 * @return Confluent's {@code error_code}, or {@link #UNREACHABLE}
	 */
	public int errorCode() {
		return this.errorCode;
	}

	/**
	 * @return whether the registry said the schema, subject or version does not exist
	 */
	public boolean isNotFound() {
		return this.status == 404;
	}

}
