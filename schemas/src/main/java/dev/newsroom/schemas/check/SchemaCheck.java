package dev.newsroom.schemas.check;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaParseException;
import org.apache.avro.specific.SpecificRecord;

import dev.newsroom.events.notification.NotificationDelivery;
import dev.newsroom.schemas.TopicDeclaration;
import dev.newsroom.schemas.Topics;
import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryException;

/**
 * Tests every local schema against the registry it will be deployed to, as Confluent's
 * {@code test-compatibility} goal does: the registry judges each schema against its
 * subject's compatibility level, and each problem is reported with the field it concerns.
 * Exits 0 when every schema is compatible, 1 when one is not, 2 when it cannot check.
 * <p>
 * Usage: {@code SchemaCheck [--registry=URL] [--avro-dir=DIR] [subject=file.avsc ...]}.
 * Without pairs it checks Newsroom's contract: each topic's value subject against its
 * schema file in {@code --avro-dir} (default {@code schemas/src/main/avro}). The
 * registry's credentials come from {@code SCHEMA_REGISTRY_USER_INFO}
 * ({@code user:password}), its URL from {@code --registry} or
 * {@code SCHEMA_REGISTRY_URL}.
 */
public final class SchemaCheck {

	/** Each public topic's value subject and the file of its schema. */
	static final Map<String, String> CONTRACT = contract();

	private final SchemaRegistryClient registry;

	private final PrintStream out;

	SchemaCheck(SchemaRegistryClient registry, PrintStream out) {
		this.registry = registry;
		this.out = out;
	}

	public static void main(String[] args) {
		System.exit(run(args, System.getenv(), System.out));
	}

	static int run(String[] args, Map<String, String> environment, PrintStream out) {
		String url = environment.getOrDefault("SCHEMA_REGISTRY_URL", "http://localhost:8081");
		Path avroDir = Path.of("schemas", "src", "main", "avro");
		Map<String, Path> subjects = new LinkedHashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--registry=")) {
				url = arg.substring("--registry=".length());
			}
			else if (arg.startsWith("--avro-dir=")) {
				avroDir = Path.of(arg.substring("--avro-dir=".length()));
			}
			else if (arg.contains("=") && !arg.startsWith("--")) {
				subjects.put(arg.substring(0, arg.indexOf('=')), Path.of(arg.substring(arg.indexOf('=') + 1)));
			}
			else {
				out.println("Unknown argument '" + arg
						+ "'. Usage: SchemaCheck [--registry=URL] [--avro-dir=DIR] [subject=file.avsc ...]");
				return 2;
			}
		}
		if (subjects.isEmpty()) {
			for (Map.Entry<String, String> entry : CONTRACT.entrySet()) {
				subjects.put(entry.getKey(), avroDir.resolve(entry.getValue()));
			}
		}
		String userInfo = environment.get("SCHEMA_REGISTRY_USER_INFO");
		SchemaCheck check = new SchemaCheck(new HttpSchemaRegistryClient(url, userInfo), out);
		out.println("Checking " + subjects.size() + " schema(s) against " + url);
		return check.check(subjects);
	}

	/**
	 * Checks each subject's schema file.
	 * @param subjects subject → schema file
	 * @return the exit code: 0 compatible, 1 incompatible, 2 could not check
	 */
	int check(Map<String, Path> subjects) {
		int worst = 0;
		for (Map.Entry<String, Path> entry : subjects.entrySet()) {
			worst = Math.max(worst, checkOne(entry.getKey(), entry.getValue()));
		}
		this.out.println((worst == 0) ? "All compatible."
				: (worst == 1) ? "Not compatible: fix the fields above, or add them with defaults."
						: "Could not check every schema; see above.");
		return worst;
	}

	private int checkOne(String subject, Path file) {
		Schema schema;
		try {
			schema = new Schema.Parser().parse(Files.readString(file));
		}
		catch (IOException | SchemaParseException ex) {
			this.out.println("  ? " + subject + ": cannot read " + file + ": " + ex.getMessage());
			return 2;
		}
		List<String> problems;
		try {
			problems = this.registry.incompatibilities(subject, schema);
		}
		catch (SchemaRegistryException ex) {
			if (ex.isNotFound()) {
				this.out
					.println("  + " + subject + ": new subject; " + file.getFileName() + " will be its first version");
				return 0;
			}
			this.out.println("  ? " + subject + ": the check failed: " + ex.getMessage());
			return 2;
		}
		catch (RuntimeException ex) {
			this.out.println("  ? " + subject + ": the registry did not answer: " + ex.getMessage());
			return 2;
		}
		if (problems.isEmpty()) {
			this.out.println("  ok " + subject + ": " + file.getFileName());
			return 0;
		}
		this.out.println("  x " + subject + ": " + file.getFileName() + " is not compatible");
		for (String field : brokenFields(subject, schema)) {
			this.out.println("      field " + field);
		}
		for (String problem : problems) {
			this.out.println("      registry: " + problem);
		}
		return 1;
	}

	/**
	 * Names the fields that break compatibility with the latest registered version, in
	 * both directions, by walking each incompatibility's location.
	 */
	private List<String> brokenFields(String subject, Schema candidate) {
		Schema latest;
		try {
			latest = this.registry.getLatest(subject).schema();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
		List<String> fields = new ArrayList<>();
		describe(candidate, latest, "new schema reading old data", fields);
		describe(latest, candidate, "old schema reading new data", fields);
		return fields;
	}

	private static void describe(Schema reader, Schema writer, String direction, List<String> fields) {
		for (Incompatibility incompatibility : SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
			.getResult()
			.getIncompatibilities()) {
			fields.add("'" + FieldPaths.of(reader, incompatibility.getLocation()) + "' (" + direction + "): "
					+ incompatibility.getType() + ", " + incompatibility.getMessage());
		}
	}

	/**
	 * @return the value subject of every declared topic whose values are Avro, and of the
	 * retired topic whose old records are still read, with the schema file of its values
	 */
	private static Map<String, String> contract() {
		Map<String, String> contract = new LinkedHashMap<>();
		for (TopicDeclaration topic : Topics.declarations()) {
			if (SpecificRecord.class.isAssignableFrom(topic.value())) {
				contract.put(Topics.valueSubject(topic.name()), topic.value().getSimpleName() + ".avsc");
			}
		}
		contract.put(Topics.valueSubject(Topics.NOTIFICATION_DELIVERIES),
				NotificationDelivery.class.getSimpleName() + ".avsc");
		return contract;
	}

}
