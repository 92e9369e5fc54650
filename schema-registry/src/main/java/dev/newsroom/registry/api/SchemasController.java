package dev.newsroom.registry.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newsroom.registry.RegistryException;
import dev.newsroom.registry.RegistryException.Reason;
import dev.newsroom.registry.store.SchemaStore;
import dev.newsroom.registry.store.SubjectVersion;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /schemas}: schemas by their global id, and the schema types supported. The
 * {@code subject} parameter Confluent accepts on these paths (to pick a context) is
 * accepted and has no effect, since this registry has only the default context.
 */
@RestController
@RequestMapping(path = "/schemas",
		produces = { ApiMediaTypes.V1_JSON, ApiMediaTypes.DEFAULT_JSON, MediaType.APPLICATION_JSON_VALUE })
class SchemasController {

	private final SchemaStore store;

	SchemasController(SchemaStore store) {
		this.store = store;
	}

	@GetMapping("/ids/{id}")
	SchemaString schema(@PathVariable String id, @RequestParam(defaultValue = "false") boolean fetchMaxId) {
		String schema = this.store.schema(parseId(id));
		return new SchemaString(schema, fetchMaxId ? this.store.maxId() : null);
	}

	@GetMapping("/ids/{id}/schema")
	byte[] rawSchema(@PathVariable String id) {
		return this.store.schema(parseId(id)).getBytes(StandardCharsets.UTF_8);
	}

	@GetMapping("/ids/{id}/subjects")
	List<String> subjects(@PathVariable String id, @RequestParam(defaultValue = "false") boolean deleted) {
		return this.store.subjectsOf(parseId(id), deleted);
	}

	@GetMapping("/ids/{id}/versions")
	List<SubjectVersion> versions(@PathVariable String id, @RequestParam(defaultValue = "false") boolean deleted) {
		return this.store.versionsOf(parseId(id), deleted);
	}

	@GetMapping("/types")
	List<String> types() {
		return List.of("AVRO");
	}

	private static int parseId(String id) {
		try {
			return Integer.parseInt(id.trim());
		}
		catch (NumberFormatException ex) {
			throw new RegistryException(Reason.SCHEMA_NOT_FOUND,
					"Schema " + id + " not found: schema ids are whole numbers such as 1.");
		}
	}

	/**
	 * A schema by id.
	 *
	 * @param schema the schema
	 * @param maxId the highest id assigned, when asked for with {@code fetchMaxId=true}
	 */
	record SchemaString(String schema, @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxId) {

	}

}
