package dev.newsroom.registry.store;

/**
 * One version of a subject.
 *
 * @param subject the subject
 * @param version the version number within the subject, from 1
 * @param id the schema's global id, shared by every subject that registered the same
 * schema
 * @param schema the schema in its canonical form (Avro's {@code Schema.toString()})
 * @param deleted whether the version is soft-deleted
 */
public record RegisteredSchema(String subject, int version, int id, String schema, boolean deleted) {

	RegisteredSchema softDeleted() {
		return new RegisteredSchema(this.subject, this.version, this.id, this.schema, true);
	}

}
