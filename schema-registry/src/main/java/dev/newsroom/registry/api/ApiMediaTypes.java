package dev.newsroom.registry.api;

import org.springframework.http.MediaType;

/**
 * The content types of Confluent's API. Requests may be sent as any of the four;
 * responses are {@link #V1_JSON} unless the client asks for plain JSON.
 */
final class ApiMediaTypes {

	static final String V1_JSON = "application/vnd.schemaregistry.v1+json";

	static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";

	static final MediaType V1_JSON_TYPE = MediaType.parseMediaType(V1_JSON);

	private ApiMediaTypes() {
	}

}
