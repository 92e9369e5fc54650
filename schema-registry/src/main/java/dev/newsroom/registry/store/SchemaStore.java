package dev.newsroom.registry.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import dev.newsroom.registry.RegistryException;
import dev.newsroom.registry.RegistryException.Reason;
import dev.newsroom.registry.compatibility.CompatibilityLevel;
import org.apache.avro.Schema;

/**
 * The registry's operations with Confluent's semantics: registering a schema under a
 * subject (same schema, same id, across subjects), looking schemas up, soft and permanent
 * deletes, and compatibility levels. Reads answer from memory. Writes are serialized
 * within this instance: each one first reads the topic to its end, then decides, appends
 * its records and waits until the reader has applied them, so the answer is what the
 * topic says.
 */
public class SchemaStore {

	/**
	 * The version number that stands for the latest version ({@code latest} or {@code -1}
	 * in the API).
	 */
	public static final int LATEST = -1;

	private final RegistryState state;

	private final StoreReader reader;

	private final StoreWriter writer;

	private final CompatibilityLevel defaultCompatibility;

	private final Duration writeTimeout;

	private final ReentrantLock writeLock = new ReentrantLock(true);

	SchemaStore(RegistryState state, StoreReader reader, StoreWriter writer, CompatibilityLevel defaultCompatibility,
			Duration writeTimeout) {
		this.state = state;
		this.reader = reader;
		this.writer = writer;
		this.defaultCompatibility = defaultCompatibility;
		this.writeTimeout = writeTimeout;
	}

	/**
	 * Whether the store has read its topic up to the end offset it found at startup.
	 * @return whether the registry may serve
	 */
	public boolean isReady() {
		return this.reader.isCaughtUp();
	}

	// Reads

	/**
	 * {@code GET /subjects}.
	 * @param includeDeleted whether to list subjects whose versions are all soft-deleted
	 * @return the subject names in order
	 */
	public List<String> subjects(boolean includeDeleted) {
		requireReady();
		return this.state.subjects(includeDeleted);
	}

	/**
	 * {@code GET /subjects/{subject}/versions}.
	 * @param subject the subject
	 * @param includeDeleted whether to list soft-deleted versions too
	 * @return the version numbers, lowest first
	 */
	public List<Integer> versions(String subject, boolean includeDeleted) {
		requireReady();
		return existing(subject, includeDeleted).stream().map(RegisteredSchema::version).toList();
	}

	/**
	 * {@code GET /subjects/{subject}/versions/{version}}.
	 * @param subject the subject
	 * @param version a version number or {@link #LATEST}
	 * @param includeDeleted whether a soft-deleted version may be returned
	 * @return the version
	 */
	public RegisteredSchema version(String subject, int version, boolean includeDeleted) {
		requireReady();
		List<RegisteredSchema> candidates = existing(subject, includeDeleted);
		if (version == LATEST) {
			return candidates.get(candidates.size() - 1);
		}
		return candidates.stream()
			.filter((candidate) -> candidate.version() == version)
			.findFirst()
			.orElseThrow(() -> versionNotFound(subject, version));
	}

	/**
	 * {@code POST /subjects/{subject}}: finds the version of a subject that holds a
	 * schema.
	 * @param subject the subject
	 * @param schema the schema
	 * @param includeDeleted whether soft-deleted versions count
	 * @return the latest version holding the schema
	 */
	public RegisteredSchema lookup(String subject, Schema schema, boolean includeDeleted) {
		requireReady();
		String canonical = schema.toString();
		List<RegisteredSchema> candidates = existing(subject, includeDeleted);
		return candidates.stream()
			.filter((candidate) -> candidate.schema().equals(canonical))
			.max(Comparator.comparingInt(RegisteredSchema::version))
			.orElseThrow(() -> new RegistryException(Reason.SCHEMA_NOT_FOUND, "Schema not found under subject '"
					+ subject + "'. Register it with POST /subjects/" + subject + "/versions."));
	}

	/**
	 * {@code GET /schemas/ids/{id}}.
	 * @param id the schema id
	 * @return the schema in canonical form
	 */
	public String schema(int id) {
		requireReady();
		return this.state.schema(id).orElseThrow(() -> schemaNotFound(id));
	}

	/**
	 * The highest schema id the registry has assigned, for {@code fetchMaxId=true}.
	 * @return the highest id, 0 if none
	 */
	public int maxId() {
		requireReady();
		return this.state.maxId();
	}

	/**
	 * {@code GET /schemas/ids/{id}/versions}.
	 * @param id the schema id
	 * @param includeDeleted whether soft-deleted versions count
	 * @return the subject versions that use the schema, by subject and version
	 */
	public List<SubjectVersion> versionsOf(int id, boolean includeDeleted) {
		requireReady();
		List<SubjectVersion> versions = this.state.uses(id)
			.stream()
			.filter((use) -> includeDeleted || !use.deleted())
			.map((use) -> new SubjectVersion(use.subject(), use.version()))
			.sorted(Comparator.comparing(SubjectVersion::subject).thenComparingInt(SubjectVersion::version))
			.toList();
		if (versions.isEmpty()) {
			throw schemaNotFound(id);
		}
		return versions;
	}

	/**
	 * {@code GET /schemas/ids/{id}/subjects}.
	 * @param id the schema id
	 * @param includeDeleted whether soft-deleted versions count
	 * @return the subjects that use the schema, in order
	 */
	public List<String> subjectsOf(int id, boolean includeDeleted) {
		return versionsOf(id, includeDeleted).stream().map(SubjectVersion::subject).distinct().toList();
	}

	/**
	 * {@code GET /config}.
	 * @return the global compatibility level
	 */
	public CompatibilityLevel globalCompatibility() {
		requireReady();
		return this.state.globalCompatibility().orElse(this.defaultCompatibility);
	}

	/**
	 * {@code GET /config/{subject}}.
	 * @param subject the subject
	 * @return the subject's own compatibility level, if it has one
	 */
	public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
		requireReady();
		return this.state.subjectCompatibility(subject);
	}

	/**
	 * The compatibility level that applies to a subject: its own, or else the global one.
	 * @param subject the subject
	 * @return the level
	 */
	public CompatibilityLevel compatibility(String subject) {
		return subjectCompatibility(subject).orElseGet(this::globalCompatibility);
	}

	/**
	 * {@code POST /compatibility/subjects/{subject}/versions/{version}}: checks a schema
	 * against one version with the subject's level. A subject without live versions
	 * accepts any schema when asked about {@link #LATEST}, as Confluent's registry does.
	 * @param subject the subject
	 * @param schema the candidate schema
	 * @param version a version number or {@link #LATEST}
	 * @return the incompatibilities, empty if compatible
	 */
	public List<String> checkCompatibility(String subject, Schema schema, int version) {
		requireReady();
		List<RegisteredSchema> live = live(this.state.versions(subject));
		if (version == LATEST && live.isEmpty()) {
			return List.of();
		}
		RegisteredSchema compared = version(subject, version, false);
		NavigableMap<Integer, Schema> previous = new TreeMap<>();
		previous.put(compared.version(), parse(compared));
		return compatibility(subject).incompatibilities(schema, previous);
	}

	/**
	 * {@code POST /compatibility/subjects/{subject}/versions}: checks a schema as
	 * registration would, against the versions the subject's level names.
	 * @param subject the subject
	 * @param schema the candidate schema
	 * @return the incompatibilities, empty if compatible
	 */
	public List<String> checkCompatibility(String subject, Schema schema) {
		requireReady();
		return incompatibilities(subject, schema, live(this.state.versions(subject)));
	}

	// Writes

	/**
	 * {@code POST /subjects/{subject}/versions}. Registering a schema that is a live
	 * version of the subject already returns its id and changes nothing; a schema
	 * registered under any subject before keeps its id; a new version gets the number
	 * after the highest one the subject has had, soft-deleted ones included.
	 * @param subject the subject
	 * @param schema the schema
	 * @return the schema's id
	 * @throws RegistryException with {@link Reason#INCOMPATIBLE_SCHEMA} if the schema
	 * breaks the subject's compatibility level
	 */
	public int register(String subject, Schema schema) {
		return write(() -> {
			String canonical = schema.toString();
			List<RegisteredSchema> versions = this.state.versions(subject);
			List<RegisteredSchema> live = live(versions);
			Optional<RegisteredSchema> same = live.stream()
				.filter((version) -> version.schema().equals(canonical))
				.findFirst();
			if (same.isPresent()) {
				return same.get().id();
			}
			List<String> problems = incompatibilities(subject, schema, live);
			if (!problems.isEmpty()) {
				CompatibilityLevel level = compatibility(subject);
				throw new RegistryException(Reason.INCOMPATIBLE_SCHEMA,
						"Schema being registered is incompatible with an earlier schema for subject \"" + subject
								+ "\" under compatibility level " + level + ", details: " + problems
								+ ". Change the schema (for example, give new fields a default) or change the "
								+ "subject's level with PUT /config/" + subject + ".");
			}
			int id = this.state.id(canonical).orElseGet(() -> this.state.maxId() + 1);
			int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
			RegisteredSchema registered = new RegisteredSchema(subject, version, id, canonical, false);
			append(StoreRecords.schemaKey(subject, version), StoreRecords.schemaValue(registered));
			return id;
		});
	}

	/**
	 * {@code DELETE /subjects/{subject}/versions/{version}}. A soft delete hides the
	 * version; a permanent delete removes it, and needs a soft delete first.
	 * {@link #LATEST} means the highest version, soft-deleted or not.
	 * @param subject the subject
	 * @param version a version number or {@link #LATEST}
	 * @param permanent whether to delete permanently
	 * @return the deleted version number
	 */
	public int deleteVersion(String subject, int version, boolean permanent) {
		return write(() -> {
			List<RegisteredSchema> versions = this.state.versions(subject);
			if (versions.isEmpty()) {
				throw subjectNotFound(subject);
			}
			RegisteredSchema target = (version == LATEST) ? versions.get(versions.size() - 1)
					: versions.stream()
						.filter((candidate) -> candidate.version() == version)
						.findFirst()
						.orElseThrow(() -> versionNotFound(subject, version));
			if (permanent && !target.deleted()) {
				throw new RegistryException(Reason.VERSION_NOT_SOFT_DELETED,
						"Subject '" + subject + "' Version " + target.version()
								+ " was not deleted first before being permanently deleted. Soft-delete it with "
								+ "DELETE /subjects/" + subject + "/versions/" + target.version()
								+ ", then repeat with ?permanent=true.");
			}
			if (!permanent && target.deleted()) {
				throw new RegistryException(Reason.VERSION_SOFT_DELETED, "Subject '" + subject + "' Version "
						+ target.version() + " was soft deleted. Set permanent=true to delete permanently.");
			}
			String key = StoreRecords.schemaKey(subject, target.version());
			append(key, permanent ? null : StoreRecords.schemaValue(target.softDeleted()));
			return target.version();
		});
	}

	/**
	 * {@code DELETE /subjects/{subject}}. A soft delete hides every live version; a
	 * permanent delete removes every version and the subject's compatibility level, and
	 * needs a soft delete first.
	 * @param subject the subject
	 * @param permanent whether to delete permanently
	 * @return the deleted version numbers
	 */
	public List<Integer> deleteSubject(String subject, boolean permanent) {
		return write(() -> {
			List<RegisteredSchema> versions = this.state.versions(subject);
			if (versions.isEmpty()) {
				throw subjectNotFound(subject);
			}
			List<RegisteredSchema> live = live(versions);
			if (permanent) {
				if (!live.isEmpty()) {
					throw new RegistryException(Reason.SUBJECT_NOT_SOFT_DELETED,
							"Subject '" + subject
									+ "' was not deleted first before being permanently deleted. Soft-delete it with "
									+ "DELETE /subjects/" + subject + ", then repeat with ?permanent=true.");
				}
				List<Integer> deleted = new ArrayList<>();
				for (RegisteredSchema version : versions) {
					append(StoreRecords.schemaKey(subject, version.version()), null);
					deleted.add(version.version());
				}
				if (this.state.subjectCompatibility(subject).isPresent()) {
					append(StoreRecords.configKey(subject), null);
				}
				return deleted;
			}
			if (live.isEmpty()) {
				throw new RegistryException(Reason.SUBJECT_SOFT_DELETED,
						"Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently.");
			}
			int latest = live.get(live.size() - 1).version();
			append(StoreRecords.deleteSubjectKey(subject), StoreRecords.deleteSubjectValue(subject, latest));
			return live.stream().map(RegisteredSchema::version).toList();
		});
	}

	/**
	 * {@code PUT /config} and {@code PUT /config/{subject}}.
	 * @param subject the subject, or null for the global level
	 * @param level the new level
	 */
	public void setCompatibility(String subject, CompatibilityLevel level) {
		write(() -> {
			append(StoreRecords.configKey(subject), StoreRecords.configValue(level));
			return level;
		});
	}

	/**
	 * {@code DELETE /config} and {@code DELETE /config/{subject}}: the global level goes
	 * back to the configured default, a subject goes back to the global level.
	 * @param subject the subject, or null for the global level
	 * @return the level that was in force before
	 */
	public CompatibilityLevel deleteCompatibility(String subject) {
		return write(() -> {
			CompatibilityLevel previous;
			if (subject == null) {
				previous = globalCompatibility();
			}
			else {
				previous = this.state.subjectCompatibility(subject)
					.orElseThrow(() -> new RegistryException(Reason.SUBJECT_NOT_FOUND,
							"Subject '" + subject + "' not found: it has no compatibility level of its own to delete. "
									+ "See the level that applies with GET /config/" + subject
									+ "?defaultToGlobal=true."));
			}
			append(StoreRecords.configKey(subject), null);
			return previous;
		});
	}

	// Helpers

	private <T> T write(Supplier<T> change) {
		requireReady();
		try {
			if (!this.writeLock.tryLock(this.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new RegistryException(Reason.STORE_TIMED_OUT,
						"Other changes kept the registry busy for " + this.writeTimeout + "; retry the request");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RegistryException(Reason.STORE_FAILED, "Interrupted while waiting to write; retry", ex);
		}
		try {
			// Read our own marker back first: then every earlier record, including one
			// whose acknowledgement timed out, is in the state we decide on.
			append(StoreRecords.noopKey(), null);
			return change.get();
		}
		finally {
			this.writeLock.unlock();
		}
	}

	private void append(String key, String value) {
		long offset = this.writer.append(key, value);
		this.reader.awaitApplied(offset, this.writeTimeout);
	}

	private void requireReady() {
		if (!this.reader.isCaughtUp()) {
			throw new RegistryException(Reason.STORE_NOT_READY, "The registry is still reading its store topic "
					+ this.reader.status() + " since it started; retry in a moment");
		}
	}

	/**
	 * The versions of a subject that a request may see.
	 * @throws RegistryException with {@link Reason#SUBJECT_NOT_FOUND} if there are none
	 */
	private List<RegisteredSchema> existing(String subject, boolean includeDeleted) {
		List<RegisteredSchema> versions = this.state.versions(subject);
		List<RegisteredSchema> visible = includeDeleted ? versions : live(versions);
		if (visible.isEmpty()) {
			throw subjectNotFound(subject);
		}
		return visible;
	}

	private List<String> incompatibilities(String subject, Schema schema, List<RegisteredSchema> live) {
		CompatibilityLevel level = compatibility(subject);
		if (level == CompatibilityLevel.NONE || live.isEmpty()) {
			return List.of();
		}
		NavigableMap<Integer, Schema> previous = new TreeMap<>();
		for (RegisteredSchema version : live) {
			previous.put(version.version(), parse(version));
		}
		return level.incompatibilities(schema, previous);
	}

	private static List<RegisteredSchema> live(List<RegisteredSchema> versions) {
		return versions.stream().filter((version) -> !version.deleted()).toList();
	}

	private static Schema parse(RegisteredSchema version) {
		return new Schema.Parser().parse(version.schema());
	}

	private static RegistryException subjectNotFound(String subject) {
		return new RegistryException(Reason.SUBJECT_NOT_FOUND,
				"Subject '" + subject + "' not found. Register a schema under it with POST /subjects/" + subject
						+ "/versions, or list the subjects with GET /subjects.");
	}

	private static RegistryException versionNotFound(String subject, int version) {
		return new RegistryException(Reason.VERSION_NOT_FOUND, "Version " + version + " not found under subject '"
				+ subject + "'. List its versions with GET /subjects/" + subject + "/versions.");
	}

	private static RegistryException schemaNotFound(int id) {
		return new RegistryException(Reason.SCHEMA_NOT_FOUND, "Schema " + id
				+ " not found. Schema ids come from POST /subjects/{subject}/versions; list a subject's versions "
				+ "with GET /subjects/{subject}/versions.");
	}

}
