package dev.newsroom.registry.api;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}, which answers an empty object as Confluent's registry does; clients use
 * it to see that the registry is there.
 */
@RestController
class RootController {

	@GetMapping(path = "/",
			produces = { ApiMediaTypes.V1_JSON, ApiMediaTypes.DEFAULT_JSON, MediaType.APPLICATION_JSON_VALUE })
	Map<String, Object> root() {
		return Map.of();
	}

}
