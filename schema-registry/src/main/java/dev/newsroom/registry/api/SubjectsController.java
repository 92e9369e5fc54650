package dev.newsroom.registry.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.newsroom.registry.store.RegisteredSchema;
import dev.newsroom.registry.store.SchemaStore;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /subjects}: registering schemas under subjects, looking them up, listing and
 * deleting subjects and versions.
 */
@RestController
@RequestMapping(path = "/subjects",
		produces = { ApiMediaTypes.V1_JSON, ApiMediaTypes.DEFAULT_JSON, MediaType.APPLICATION_JSON_VALUE })
class SubjectsController {

	private final SchemaStore store;

	SubjectsController(SchemaStore store) {
		this.store = store;
	}

	@GetMapping
	List<String> subjects(@RequestParam(defaultValue = "false") boolean deleted) {
		return this.store.subjects(deleted);
	}

	@PostMapping(path = "/{subject}/versions", consumes = { ApiMediaTypes.V1_JSON, ApiMediaTypes.DEFAULT_JSON,
			MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	RegisteredId register(@PathVariable String subject, @RequestBody SchemaRequest request) {
		return new RegisteredId(this.store.register(subject, request.avroSchema()));
	}

	@PostMapping(path = "/{subject}", consumes = { ApiMediaTypes.V1_JSON, ApiMediaTypes.DEFAULT_JSON,
			MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	SubjectVersionSchema lookup(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted,
			@RequestBody SchemaRequest request) {
		return SubjectVersionSchema.of(this.store.lookup(subject, request.avroSchema(), deleted));
	}

	@GetMapping("/{subject}/versions")
	List<Integer> versions(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted) {
		return this.store.versions(subject, deleted);
	}

	@GetMapping("/{subject}/versions/{version}")
	SubjectVersionSchema version(@PathVariable String subject, @PathVariable String version,
			@RequestParam(defaultValue = "false") boolean deleted) {
		return SubjectVersionSchema.of(this.store.version(subject, VersionParameter.parse(version), deleted));
	}

	@GetMapping("/{subject}/versions/{version}/schema")
	byte[] versionSchema(@PathVariable String subject, @PathVariable String version,
			@RequestParam(defaultValue = "false") boolean deleted) {
		return this.store.version(subject, VersionParameter.parse(version), deleted)
			.schema()
			.getBytes(StandardCharsets.UTF_8);
	}

	@DeleteMapping("/{subject}")
	List<Integer> deleteSubject(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean permanent) {
		return this.store.deleteSubject(subject, permanent);
	}

	@DeleteMapping("/{subject}/versions/{version}")
	int deleteVersion(@PathVariable String subject, @PathVariable String version,
			@RequestParam(defaultValue = "false") boolean permanent) {
		return this.store.deleteVersion(subject, VersionParameter.parse(version), permanent);
	}

	/**
	 * The answer to a registration.
	 *
	 * @param id the schema's global id
	 */
	record RegisteredId(int id) {

	}

	/**
	 * A version of a subject, as Confluent's API shows it.
	 *
	 * @param subject the subject
	 * @param version the version number
	 * @param id the schema id
	 * @param schema the schema
	 */
	@JsonPropertyOrder({ "subject", "version", "id", "schema" })
	record SubjectVersionSchema(String subject, int version, int id, String schema) {

		static SubjectVersionSchema of(RegisteredSchema registered) {
			return new SubjectVersionSchema(registered.subject(), registered.version(), registered.id(),
					registered.schema());
		}

	}

}
