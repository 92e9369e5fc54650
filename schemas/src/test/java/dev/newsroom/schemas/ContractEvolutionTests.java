package dev.newsroom.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.notification.Delivery;
import dev.newsroom.events.notification.NotificationDelivery;
import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.events.view.PageView;
import dev.newsroom.events.view.TrendingArticles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the public contract: every released version of each topic's schema, kept under
 * {@code src/test/resources/contract/<Type>/v<N>.avsc}, must stay fully compatible (both
 * directions) with the current schema, and the newest snapshot must be the current
 * schema, so that a change to a schema cannot land without being recorded as a new
 * version.
 */
class ContractEvolutionTests {

	static Stream<Schema> currentSchemas() {
		return Stream.of(ArticleEvent.getClassSchema(), PageView.getClassSchema(), ArticleViewCount.getClassSchema(),
				NotificationDelivery.getClassSchema(), TrendingArticles.getClassSchema(), Delivery.getClassSchema());
	}

	@ParameterizedTest
	@MethodSource("currentSchemas")
	void everyReleasedVersionIsFullyCompatibleWithTheCurrentSchema(Schema current) throws Exception {
		List<Schema> released = released(current.getName());
		assertThat(released).as("released versions of %s", current.getName()).isNotEmpty();
		for (Schema old : released) {
			assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType())
				.as("current %s reads data written with %s", current.getName(), old)
				.isEqualTo(SchemaCompatibilityType.COMPATIBLE);
			assertThat(SchemaCompatibility.checkReaderWriterCompatibility(old, current).getType())
				.as("%s reads data written with the current %s", old, current.getName())
				.isEqualTo(SchemaCompatibilityType.COMPATIBLE);
		}
	}

	@ParameterizedTest
	@MethodSource("currentSchemas")
	void newestReleasedVersionIsTheCurrentSchema(Schema current) throws Exception {
		List<Schema> released = released(current.getName());
		assertThat(released.get(released.size() - 1))
			.as("A changed schema needs a new snapshot in src/test/resources/contract/%s/", current.getName())
			.isEqualTo(withoutJavaStringHints(current));
	}

	@ParameterizedTest
	@MethodSource("currentSchemas")
	void everyEnumHasADefaultSoThatNewSymbolsDoNotBreakOldReaders(Schema current) {
		List<Schema> enums = new ArrayList<>();
		collectEnums(current, enums);
		assertThat(enums)
			.allSatisfy((e) -> assertThat(e.getEnumDefault()).as("default of enum %s", e.getFullName()).isNotNull());
	}

	/**
	 * The generated classes' schemas carry {@code "avro.java.string": "String"}, a hint
	 * for Java code generation that is not part of the contract.
	 */
	private static Schema withoutJavaStringHints(Schema schema) {
		return new Schema.Parser()
			.parse(schema.toString().replace("{\"type\":\"string\",\"avro.java.string\":\"String\"}", "\"string\""));
	}

	private static void collectEnums(Schema schema, List<Schema> enums) {
		switch (schema.getType()) {
			case ENUM -> enums.add(schema);
			case RECORD -> schema.getFields().forEach((field) -> collectEnums(field.schema(), enums));
			case ARRAY -> collectEnums(schema.getElementType(), enums);
			case MAP -> collectEnums(schema.getValueType(), enums);
			case UNION -> schema.getTypes().forEach((type) -> collectEnums(type, enums));
			default -> {
			}
		}
	}

	private static List<Schema> released(String name) throws IOException, URISyntaxException {
		URL folder = ContractEvolutionTests.class.getResource("/contract/" + name);
		if (folder == null) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
			List<Path> versions = files.filter((file) -> file.getFileName().toString().matches("v\\d+\\.avsc"))
				.sorted(Comparator.comparingInt(ContractEvolutionTests::versionOf))
				.toList();
			List<Schema> schemas = new ArrayList<>();
			for (Path version : versions) {
				try (InputStream in = Files.newInputStream(version)) {
					schemas.add(new Schema.Parser().parse(in));
				}
			}
			return schemas;
		}
	}

	private static int versionOf(Path file) {
		String name = file.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.indexOf('.')));
	}

}
