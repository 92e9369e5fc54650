package dev.newsroom.registry.compatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * How a new schema must relate to the schemas already registered under a subject.
 * Backward means the new schema can read data written with the earlier one; forward means
 * the earlier one can read data written with the new schema; full means both. A
 * transitive level compares with every live version, the others with the latest live
 * version only. The rules are Avro's schema resolution rules, as
 * {@link SchemaCompatibility#checkReaderWriterCompatibility(Schema, Schema)} decides
 * them.
 */
public enum CompatibilityLevel {

	/** Any valid schema may follow any other. */
	NONE(false, false, false),

	/** The new schema reads data written with the latest version (the default). */
	BACKWARD(true, false, false),

	/** The new schema reads data written with every live version. */
	BACKWARD_TRANSITIVE(true, false, true),

	/** The latest version reads data written with the new schema. */
	FORWARD(false, true, false),

	/** Every live version reads data written with the new schema. */
	FORWARD_TRANSITIVE(false, true, true),

	/** Backward and forward with the latest version. */
	FULL(true, true, false),

	/** Backward and forward with every live version. */
	FULL_TRANSITIVE(true, true, true);

	private final boolean backward;

	private final boolean forward;

	private final boolean transitive;

	CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
		this.backward = backward;
		this.forward = forward;
		this.transitive = transitive;
	}

	/**
	 * The level with the given name, ignoring case.
	 * @param name a level name such as {@code FULL} or {@code backward_transitive}
	 * @return the level, or empty if the name is none of the seven
	 */
	public static Optional<CompatibilityLevel> forName(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String wanted = name.trim().toUpperCase(Locale.ROOT);
		for (CompatibilityLevel level : values()) {
			if (level.name().equals(wanted)) {
				return Optional.of(level);
			}
		}
		return Optional.empty();
	}

	/**
	 * Checks a candidate schema against the live versions of a subject.
	 * @param candidate the schema about to be registered
	 * @param liveVersions the subject's live (not deleted) schemas by version number; the
	 * highest number is the latest
	 * @return one message per incompatibility found, each naming the version it concerns;
	 * empty when the candidate is compatible
	 */
	public List<String> incompatibilities(Schema candidate, NavigableMap<Integer, Schema> liveVersions) {
		List<String> problems = new ArrayList<>();
		if (liveVersions.isEmpty() || this == NONE) {
			return problems;
		}
		Map<Integer, Schema> compared = this.transitive ? liveVersions.descendingMap()
				: Map.of(liveVersions.lastKey(), liveVersions.lastEntry().getValue());
		compared.forEach((version, existing) -> {
			if (this.backward) {
				describe(candidate, existing, "the new schema cannot read data written with version " + version,
						problems);
			}
			if (this.forward) {
				describe(existing, candidate, "version " + version + " cannot read data written with the new schema",
						problems);
			}
		});
		return problems;
	}

	private static void describe(Schema reader, Schema writer, String direction, List<String> problems) {
		List<Incompatibility> found = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
			.getResult()
			.getIncompatibilities();
		for (Incompatibility incompatibility : found) {
			problems.add(direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
					+ explain(incompatibility));
		}
	}

	private static String explain(Incompatibility incompatibility) {
		String detail = incompatibility.getMessage();
		return switch (incompatibility.getType()) {
			case READER_FIELD_MISSING_DEFAULT_VALUE -> "field '" + detail
					+ "' is missing from the writer's schema and has no default in the reader's; give it a default";
			case MISSING_ENUM_SYMBOLS -> "the reader's enum lacks the writer's symbols " + detail
					+ "; keep the symbols or give the reader's enum a default";
			case MISSING_UNION_BRANCH -> "the reader's union has no branch for what the writer can write: " + detail;
			case NAME_MISMATCH -> "the type names differ: " + detail;
			case FIXED_SIZE_MISMATCH -> "the fixed sizes differ: " + detail;
			case TYPE_MISMATCH -> detail;
		};
	}

}
