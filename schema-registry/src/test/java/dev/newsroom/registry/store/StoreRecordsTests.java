package dev.newsroom.registry.store;

import java.util.Optional;

import dev.newsroom.registry.compatibility.CompatibilityLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The store topic's record format, which must stay readable across versions of the
 * registry and equal byte for byte for equal keys.
 */
class StoreRecordsTests {

	@Test
	void keysFollowConfluentsFormatWithAFixedFieldOrder() {
		assertThat(StoreRecords.schemaKey("articles-value", 3))
			.isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"articles-value\",\"version\":3,\"magic\":1}");
		assertThat(StoreRecords.configKey(null)).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
		assertThat(StoreRecords.configKey("s")).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}");
		assertThat(StoreRecords.deleteSubjectKey("s"))
			.isEqualTo("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}");
		assertThat(StoreRecords.noopKey()).isEqualTo("{\"keytype\":\"NOOP\",\"magic\":0}");
	}

	@Test
	void aRegisteredVersionIsReadBackAsWritten() {
		RegisteredSchema version = new RegisteredSchema("s", 2, 7, "\"string\"", false);
		String value = StoreRecords.schemaValue(version);
		assertThat(value)
			.isEqualTo("{\"subject\":\"s\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
		assertThat(StoreRecords.read(StoreRecords.schemaKey("s", 2), value))
			.contains(new StoreChange.VersionWritten(version));
	}

	@Test
	void tombstonesRemoveVersionsAndClearLevels() {
		assertThat(StoreRecords.read(StoreRecords.schemaKey("s", 2), null))
			.contains(new StoreChange.VersionRemoved("s", 2));
		assertThat(StoreRecords.read(StoreRecords.configKey("s"), null))
			.contains(new StoreChange.CompatibilityChanged("s", null));
	}

	@Test
	void levelsAndSubjectDeletesAreReadBack() {
		assertThat(StoreRecords.read(StoreRecords.configKey(null), StoreRecords.configValue(CompatibilityLevel.FULL)))
			.contains(new StoreChange.CompatibilityChanged(null, CompatibilityLevel.FULL));
		assertThat(StoreRecords.read(StoreRecords.deleteSubjectKey("s"), StoreRecords.deleteSubjectValue("s", 4)))
			.contains(new StoreChange.SubjectSoftDeleted("s", 4));
	}

	@Test
	void markersAndKeyTypesTheRegistryDoesNotUseChangeNothing() {
		assertThat(StoreRecords.read(StoreRecords.noopKey(), null)).isEqualTo(Optional.empty());
		assertThat(StoreRecords.read("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}", "{\"mode\":\"READWRITE\"}"))
			.isEmpty();
	}

	@Test
	void recordsInAnotherFormatAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> StoreRecords.read("not json", "{}"))
			.withMessageContaining("key is not JSON");
		assertThatIllegalArgumentException().isThrownBy(() -> StoreRecords.read("{\"subject\":\"s\"}", "{}"))
			.withMessageContaining("keytype");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StoreRecords.read(StoreRecords.schemaKey("s", 1), "{\"subject\":\"s\",\"version\":1}"))
			.withMessageContaining("\"id\"");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StoreRecords.read(StoreRecords.configKey(null), "{\"compatibilityLevel\":\"SIDEWAYS\"}"))
			.withMessageContaining("SIDEWAYS");
	}

}
