package dev.newsroom.schemas.registry;

import java.util.List;

import org.apache.avro.Schema;

/**
 * Operations of Confluent's Schema Registry REST API v1 that Newsroom uses, for Avro
 * schemas. Implementations throw {@link SchemaRegistryException} when the registry
 * answers with an error or cannot be reached.
 */
public interface SchemaRegistryClient {

	/**
	 * Registers the schema under the subject, or finds it if it is there already.
	 * {@code POST /subjects/{subject}/versions}.
	 * @param subject the subject
	 * @param schema the schema
	 * @return the schema id
	 */
	int register(String subject, Schema schema);

	/**
	 * Finds the schema under the subject without registering it. {@code POST
	 * /subjects/{subject}}.
	 * @param subject the subject
	 * @param schema the schema
	 * @return the registration, with its id and version
	 */
	RegisteredSchema lookup(String subject, Schema schema);

	/**
	 * {@code GET /schemas/ids/{id}}.
	 * @param id the schema id
	 * @return the schema
	 */
	Schema getById(int id);

	/**
	 * {@code GET /subjects/{subject}/versions/{version}}.
	 * @param subject the subject
	 * @param version a version number
	 * @return the registration
	 */
	RegisteredSchema getVersion(String subject, int version);

	/**
	 * {@code GET /subjects/{subject}/versions/latest}.
	 * @param subject the subject
	 * @return the latest registration
	 */
	RegisteredSchema getLatest(String subject);

	/**
	 * {@code GET /subjects}.
	 * @return the subjects that have live versions
	 */
	List<String> getSubjects();

	/**
	 * {@code GET /subjects/{subject}/versions}.
	 * @param subject the subject
	 * @return the live versions, ascending
	 */
	List<Integer> getVersions(String subject);

	/**
	 * Whether the schema could be registered under the subject given its compatibility
	 * level. {@code POST /compatibility/subjects/{subject}/versions/latest}.
	 * @param subject the subject
	 * @param schema the candidate schema
	 * @return whether it is compatible
	 */
	boolean isCompatible(String subject, Schema schema);

	/**
	 * What keeps the schema from being registered under the subject given its
	 * compatibility level, as the registry words it. {@code POST
	 * /compatibility/subjects/{subject}/versions/latest?verbose=true}.
	 * @param subject the subject
	 * @param schema the candidate schema
	 * @return one message per incompatibility; empty if the schema is compatible
	 */
	List<String> incompatibilities(String subject, Schema schema);

	/**
	 * {@code PUT /config/{subject}}.
	 * @param subject the subject
	 * @param level one of Confluent's compatibility levels, such as {@code FULL}
	 */
	void setCompatibility(String subject, String level);

	/**
	 * {@code DELETE /subjects/{subject}}.
	 * @param subject the subject
	 * @param permanent whether to delete permanently (the subject must be soft-deleted
	 * first)
	 * @return the versions deleted
	 */
	List<Integer> deleteSubject(String subject, boolean permanent);

}
