package dev.newsroom.schemas.serde;

import org.apache.kafka.common.errors.RetriableException;

/**
 * A record could not be read because the schema registry could not be asked for its
 * writer's schema: it was unreachable or answered with a server error. Unlike an unknown
 * magic byte or an unknown schema id, this says nothing about the record, which will read
 * once the registry is back; so it is a Kafka {@link RetriableException}, and consumers
 * should retry the record rather than dead-letter it.
 */
public class SchemaRegistryUnavailableException extends RetriableException {

	SchemaRegistryUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
