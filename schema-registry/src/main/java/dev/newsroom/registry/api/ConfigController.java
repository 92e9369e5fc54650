package dev.newsroom.registry.api;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.newsroom.registry.RegistryException;
import dev.newsroom.registry.RegistryException.Reason;
import dev.newsroom.registry.compatibility.CompatibilityLevel;
import dev.newsroom.registry.store.SchemaStore;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /config}: the global compatibility level and each subject's own.
 */
@RestController
@RequestMapping(path = "/config",
		produces = { ApiMediaTypes.V1_JSON, ApiMediaTypes.DEFAULT_JSON, MediaType.APPLICATION_JSON_VALUE })
class ConfigController {

	private final SchemaStore store;

	ConfigController(SchemaStore store) {
		this.store = store;
	}

	@GetMapping
	CompatibilityConfig global() {
		return new CompatibilityConfig(this.store.globalCompatibility().name());
	}

	@PutMapping(consumes = { ApiMediaTypes.V1_JSON, ApiMediaTypes.DEFAULT_JSON, MediaType.APPLICATION_JSON_VALUE,
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	CompatibilityUpdate setGlobal(@RequestBody CompatibilityUpdate update) {
		CompatibilityLevel level = update.level();
		this.store.setCompatibility(null, level);
		return new CompatibilityUpdate(level.name());
	}

	@DeleteMapping
	CompatibilityConfig deleteGlobal() {
		return new CompatibilityConfig(this.store.deleteCompatibility(null).name());
	}

	@GetMapping("/{subject}")
	CompatibilityConfig subject(@PathVariable String subject,
			@RequestParam(defaultValue = "false") boolean defaultToGlobal) {
		CompatibilityLevel level = this.store.subjectCompatibility(subject)
			.or(() -> defaultToGlobal ? Optional.of(this.store.globalCompatibility()) : Optional.empty())
			.orElseThrow(() -> new RegistryException(Reason.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
					"Subject '" + subject + "' does not have subject-level compatibility configured. Set one with "
							+ "PUT /config/" + subject + ", or add ?defaultToGlobal=true to see the level that "
							+ "applies."));
		return new CompatibilityConfig(level.name());
	}

	@PutMapping(path = "/{subject}", consumes = { ApiMediaTypes.V1_JSON, ApiMediaTypes.DEFAULT_JSON,
			MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	CompatibilityUpdate setSubject(@PathVariable String subject, @RequestBody CompatibilityUpdate update) {
		CompatibilityLevel level = update.level();
		this.store.setCompatibility(subject, level);
		return new CompatibilityUpdate(level.name());
	}

	@DeleteMapping("/{subject}")
	CompatibilityConfig deleteSubject(@PathVariable String subject) {
		return new CompatibilityConfig(this.store.deleteCompatibility(subject).name());
	}

	/**
	 * A compatibility level in force, as {@code GET /config} shows it.
	 *
	 * @param compatibilityLevel the level's name
	 */
	record CompatibilityConfig(String compatibilityLevel) {

	}

	/**
	 * The body of {@code PUT /config}, echoed back on success.
	 *
	 * @param compatibility the level's name
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CompatibilityUpdate(String compatibility) {

		CompatibilityLevel level() {
			return CompatibilityLevel.forName(this.compatibility)
				.orElseThrow(() -> new RegistryException(Reason.INVALID_COMPATIBILITY_LEVEL,
						"Invalid compatibility level "
								+ ((this.compatibility != null) ? "'" + this.compatibility + "'"
										: "(the request has no \"compatibility\")")
								+ ". Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, "
								+ "FORWARD_TRANSITIVE, FULL and FULL_TRANSITIVE, as in {\"compatibility\": \"FULL\"}."));
		}

	}

}
