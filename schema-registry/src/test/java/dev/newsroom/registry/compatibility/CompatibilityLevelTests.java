package dev.newsroom.registry.compatibility;

import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seven levels decided on real schema changes. An optional field (with a default)
 * added is fully compatible; a field without default added is forward only; a field
 * without default removed is backward only; a changed type is neither.
 */
class CompatibilityLevelTests {

	private static final Schema ORIGINAL = record("""
			{"name": "id", "type": "string"},
			{"name": "title", "type": "string"}""");

	private static final Schema OPTIONAL_FIELD_ADDED = record("""
			{"name": "id", "type": "string"},
			{"name": "title", "type": "string"},
			{"name": "section", "type": ["null", "string"], "default": null}""");

	private static final Schema REQUIRED_FIELD_ADDED = record("""
			{"name": "id", "type": "string"},
			{"name": "title", "type": "string"},
			{"name": "section", "type": "string"}""");

	private static final Schema FIELD_REMOVED = record("""
			{"name": "id", "type": "string"}""");

	private static final Schema TYPE_CHANGED = record("""
			{"name": "id", "type": "long"},
			{"name": "title", "type": "string"}""");

	private static final Schema TYPE_PROMOTED = record("""
			{"name": "id", "type": "string"},
			{"name": "title", "type": "string"},
			{"name": "views", "type": "long", "default": 0}""");

	private static final Schema TYPE_BEFORE_PROMOTION = record("""
			{"name": "id", "type": "string"},
			{"name": "title", "type": "string"},
			{"name": "views", "type": "int", "default": 0}""");

	@ParameterizedTest
	@EnumSource(CompatibilityLevel.class)
	void anySchemaIsCompatibleWithASubjectThatHasNoVersions(CompatibilityLevel level) {
		assertThat(level.incompatibilities(TYPE_CHANGED, new TreeMap<>())).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(CompatibilityLevel.class)
	void addingAnOptionalFieldWithADefaultPassesEveryLevel(CompatibilityLevel level) {
		assertThat(level.incompatibilities(OPTIONAL_FIELD_ADDED, versions(ORIGINAL))).isEmpty();
	}

	@Test
	void noneAcceptsAChangedType() {
		assertThat(CompatibilityLevel.NONE.incompatibilities(TYPE_CHANGED, versions(ORIGINAL))).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = CompatibilityLevel.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
	void everyOtherLevelRejectsAChangedType(CompatibilityLevel level) {
		assertThat(level.incompatibilities(TYPE_CHANGED, versions(ORIGINAL))).isNotEmpty()
			.allSatisfy((message) -> assertThat(message).contains("TYPE_MISMATCH").contains("/fields/0"));
	}

	@Test
	void addingARequiredFieldIsForwardButNotBackward() {
		assertThat(CompatibilityLevel.FORWARD.incompatibilities(REQUIRED_FIELD_ADDED, versions(ORIGINAL))).isEmpty();
		assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.incompatibilities(REQUIRED_FIELD_ADDED, versions(ORIGINAL)))
			.isEmpty();
		assertThat(CompatibilityLevel.BACKWARD.incompatibilities(REQUIRED_FIELD_ADDED, versions(ORIGINAL)))
			.singleElement()
			.asString()
			.contains("the new schema cannot read data written with version 1")
			.contains("READER_FIELD_MISSING_DEFAULT_VALUE")
			.contains("'section'");
		assertThat(CompatibilityLevel.FULL.incompatibilities(REQUIRED_FIELD_ADDED, versions(ORIGINAL))).hasSize(1);
	}

	@Test
	void removingAFieldWithoutDefaultIsBackwardButNotForward() {
		assertThat(CompatibilityLevel.BACKWARD.incompatibilities(FIELD_REMOVED, versions(ORIGINAL))).isEmpty();
		assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.incompatibilities(FIELD_REMOVED, versions(ORIGINAL)))
			.isEmpty();
		assertThat(CompatibilityLevel.FORWARD.incompatibilities(FIELD_REMOVED, versions(ORIGINAL))).singleElement()
			.asString()
			.contains("version 1 cannot read data written with the new schema")
			.contains("READER_FIELD_MISSING_DEFAULT_VALUE")
			.contains("'title'");
		assertThat(CompatibilityLevel.FULL_TRANSITIVE.incompatibilities(FIELD_REMOVED, versions(ORIGINAL))).hasSize(1);
	}

	@Test
	void promotingIntToLongIsBackwardButNotForward() {
		NavigableMap<Integer, Schema> before = versions(TYPE_BEFORE_PROMOTION);
		assertThat(CompatibilityLevel.BACKWARD.incompatibilities(TYPE_PROMOTED, before)).isEmpty();
		assertThat(CompatibilityLevel.FORWARD.incompatibilities(TYPE_PROMOTED, before)).singleElement()
			.asString()
			.contains("TYPE_MISMATCH");
	}

	@Test
	void nonTransitiveLevelsCompareWithTheLatestVersionOnly() {
		// Version 2 added 'section' with a default; the candidate keeps 'section' but
		// drops the default, so it reads version 2 but not version 1.
		NavigableMap<Integer, Schema> history = versions(ORIGINAL, OPTIONAL_FIELD_ADDED);
		Schema candidate = record("""
				{"name": "id", "type": "string"},
				{"name": "title", "type": "string"},
				{"name": "section", "type": ["null", "string"]}""");
		assertThat(CompatibilityLevel.BACKWARD.incompatibilities(candidate, history)).isEmpty();
		assertThat(CompatibilityLevel.FULL.incompatibilities(candidate, history)).isEmpty();
		assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.incompatibilities(candidate, history)).singleElement()
			.asString()
			.contains("version 1");
		assertThat(CompatibilityLevel.FULL_TRANSITIVE.incompatibilities(candidate, history)).singleElement()
			.asString()
			.contains("version 1");
	}

	@Test
	void forwardTransitiveNeedsEveryVersionToReadTheNewSchema() {
		// Version 2 dropped 'title'. Data without 'title' can be read by version 2, but
		// not by version 1, which needs 'title' and has no default for it.
		NavigableMap<Integer, Schema> history = versions(ORIGINAL, FIELD_REMOVED);
		assertThat(CompatibilityLevel.FORWARD.incompatibilities(FIELD_REMOVED, history)).isEmpty();
		assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.incompatibilities(FIELD_REMOVED, history)).singleElement()
			.asString()
			.contains("version 1 cannot read data written with the new schema");
	}

	@Test
	void levelNamesAreReadIgnoringCaseAndUnknownNamesAreRefused() {
		assertThat(CompatibilityLevel.forName("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
		assertThat(CompatibilityLevel.forName(" BACKWARD ")).contains(CompatibilityLevel.BACKWARD);
		assertThat(CompatibilityLevel.forName("SIDEWAYS")).isEmpty();
		assertThat(CompatibilityLevel.forName(null)).isEmpty();
	}

	private static NavigableMap<Integer, Schema> versions(Schema... schemas) {
		NavigableMap<Integer, Schema> versions = new TreeMap<>();
		List.of(schemas).forEach((schema) -> versions.put(versions.size() + 1, schema));
		return versions;
	}

	private static Schema record(String fields) {
		return new Schema.Parser()
			.parse("{\"type\": \"record\", \"name\": \"Article\", \"namespace\": \"dev.newsroom\", \"fields\": ["
					+ fields + "]}");
	}

}
