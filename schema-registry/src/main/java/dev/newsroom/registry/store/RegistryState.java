package dev.newsroom.registry.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.newsroom.registry.compatibility.CompatibilityLevel;

/**
 * What the store topic says, held in memory: the versions of every subject, the schemas
 * by id and the compatibility levels. Only the reader thread changes it, in topic order;
 * request threads read it. Every method is synchronized and returns copies, so a reader
 * of the state sees one consistent moment.
 */
final class RegistryState {

	private final Map<String, NavigableMap<Integer, RegisteredSchema>> subjects = new TreeMap<>();

	private final Map<Integer, String> schemasById = new HashMap<>();

	private final Map<String, Integer> idsBySchema = new HashMap<>();

	private final Map<Integer, Set<SubjectVersion>> usesById = new HashMap<>();

	private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();

	private CompatibilityLevel globalLevel;

	private int maxId;

	synchronized void putVersion(RegisteredSchema version) {
		RegisteredSchema previous = this.subjects.computeIfAbsent(version.subject(), (subject) -> new TreeMap<>())
			.put(version.version(), version);
		if (previous != null) {
			forgetUse(previous);
		}
		this.schemasById.put(version.id(), version.schema());
		this.idsBySchema.put(version.schema(), version.id());
		this.usesById.computeIfAbsent(version.id(), (id) -> new LinkedHashSet<>())
			.add(new SubjectVersion(version.subject(), version.version()));
		this.maxId = Math.max(this.maxId, version.id());
	}

	synchronized void removeVersion(String subject, int version) {
		NavigableMap<Integer, RegisteredSchema> versions = this.subjects.get(subject);
		RegisteredSchema removed = (versions != null) ? versions.remove(version) : null;
		if (removed != null) {
			forgetUse(removed);
			if (versions.isEmpty()) {
				this.subjects.remove(subject);
			}
		}
	}

	private void forgetUse(RegisteredSchema version) {
		Set<SubjectVersion> uses = this.usesById.get(version.id());
		if (uses == null) {
			return;
		}
		uses.remove(new SubjectVersion(version.subject(), version.version()));
		if (uses.isEmpty()) {
			this.usesById.remove(version.id());
			String schema = this.schemasById.remove(version.id());
			this.idsBySchema.remove(schema, version.id());
		}
	}

	synchronized void softDeleteSubject(String subject, int upToVersion) {
		NavigableMap<Integer, RegisteredSchema> versions = this.subjects.get(subject);
		if (versions != null) {
			versions.headMap(upToVersion, true).replaceAll((number, version) -> version.softDeleted());
		}
	}

	synchronized void setCompatibility(String subject, CompatibilityLevel level) {
		if (subject == null) {
			this.globalLevel = level;
		}
		else if (level == null) {
			this.subjectLevels.remove(subject);
		}
		else {
			this.subjectLevels.put(subject, level);
		}
	}

	/**
	 * Every version of a subject, live and soft-deleted, lowest first.
	 */
	synchronized List<RegisteredSchema> versions(String subject) {
		NavigableMap<Integer, RegisteredSchema> versions = this.subjects.get(subject);
		return (versions != null) ? List.copyOf(versions.values()) : List.of();
	}

	/**
	 * The subjects in name order, with or without those whose versions are all
	 * soft-deleted.
	 */
	synchronized List<String> subjects(boolean includeDeleted) {
		List<String> names = new ArrayList<>();
		this.subjects.forEach((subject, versions) -> {
			if (includeDeleted || versions.values().stream().anyMatch((version) -> !version.deleted())) {
				names.add(subject);
			}
		});
		return names;
	}

	synchronized Optional<String> schema(int id) {
		return Optional.ofNullable(this.schemasById.get(id));
	}

	synchronized Optional<Integer> id(String canonicalSchema) {
		return Optional.ofNullable(this.idsBySchema.get(canonicalSchema));
	}

	/**
	 * The versions, live and soft-deleted, that use a schema id, in the order they were
	 * read.
	 */
	synchronized List<RegisteredSchema> uses(int id) {
		List<RegisteredSchema> uses = new ArrayList<>();
		for (SubjectVersion use : this.usesById.getOrDefault(id, Set.of())) {
			uses.add(this.subjects.get(use.subject()).get(use.version()));
		}
		return uses;
	}

	/**
	 * The highest schema id read since the registry started; a new schema gets the next.
	 */
	synchronized int maxId() {
		return this.maxId;
	}

	synchronized Optional<CompatibilityLevel> globalCompatibility() {
		return Optional.ofNullable(this.globalLevel);
	}

	synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
		return Optional.ofNullable(this.subjectLevels.get(subject));
	}

}
