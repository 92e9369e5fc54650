package dev.newsroom.registry.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.newsroom.registry.store.SchemaStore;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /compatibility}: whether a schema could be registered under a subject, with the
 * subject's compatibility level.
 */
@RestController
@RequestMapping(path = "/compatibility/subjects/{subject}",
		produces = { ApiMediaTypes.V1_JSON, ApiMediaTypes.DEFAULT_JSON, MediaType.APPLICATION_JSON_VALUE },
		consumes = { ApiMediaTypes.V1_JSON, ApiMediaTypes.DEFAULT_JSON, MediaType.APPLICATION_JSON_VALUE,
				MediaType.APPLICATION_OCTET_STREAM_VALUE })
class CompatibilityController {

	private final SchemaStore store;

	CompatibilityController(SchemaStore store) {
		this.store = store;
	}

	/**
	 * Checks against one version, or the latest; a subject without versions accepts any
	 * schema when asked about {@code latest}.
	 */
	@PostMapping("/versions/{version}")
	CompatibilityCheck checkVersion(@PathVariable String subject, @PathVariable String version,
			@RequestParam(defaultValue = "false") boolean verbose, @RequestBody SchemaRequest request) {
		int number = VersionParameter.parse(version);
		return CompatibilityCheck.of(this.store.checkCompatibility(subject, request.avroSchema(), number), verbose);
	}

	/**
	 * Checks as registration would: against the latest version, or every live version for
	 * a transitive level.
	 */
	@PostMapping("/versions")
	CompatibilityCheck checkVersions(@PathVariable String subject,
			@RequestParam(defaultValue = "false") boolean verbose, @RequestBody SchemaRequest request) {
		return CompatibilityCheck.of(this.store.checkCompatibility(subject, request.avroSchema()), verbose);
	}

	/**
	 * The answer to a compatibility check.
	 *
	 * @param compatible whether the schema is compatible
	 * @param messages the incompatibilities, only with {@code verbose=true}
	 */
	@JsonPropertyOrder({ "is_compatible", "messages" })
	record CompatibilityCheck(@JsonProperty("is_compatible") boolean compatible,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<String> messages) {

		static CompatibilityCheck of(List<String> incompatibilities, boolean verbose) {
			return new CompatibilityCheck(incompatibilities.isEmpty(), verbose ? incompatibilities : null);
		}

	}

}
