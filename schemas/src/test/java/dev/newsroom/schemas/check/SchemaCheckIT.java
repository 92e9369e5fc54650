package dev.newsroom.schemas.check;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.testsupport.EmbeddedStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-deployment check against Newsroom's real registry: it passes a compatible
 * change, refuses a breaking one naming the field, and says when it cannot check.
 */
class SchemaCheckIT {

	private static final String V1 = """
			{"type":"record","name":"Probe","namespace":"dev.newsroom.test","fields":[
			  {"name":"id","type":"string"},
			  {"name":"title","type":"string"}]}
			""";

	private static final String subject = "schema-check-it-" + UUID.randomUUID() + "-value";

	@TempDir
	static Path files;

	@BeforeAll
	static void registerFirstVersion() {
		HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl(),
				EmbeddedStack.registryUserInfo());
		registry.setCompatibility(subject, "FULL");
		registry.register(subject, new Schema.Parser().parse(V1));
	}

	@Test
	void fieldAddedWithADefaultIsCompatible() throws Exception {
		Path file = write("compatible.avsc", V1.replace("{\"name\":\"title\",\"type\":\"string\"}",
				"{\"name\":\"title\",\"type\":\"string\"},{\"name\":\"lead\",\"type\":\"string\",\"default\":\"\"}"));
		Result result = check(subject + "=" + file);
		assertThat(result.exitCode()).isZero();
		assertThat(result.output()).contains("ok " + subject).contains("All compatible.");
	}

	@Test
	void breakingChangeExitsNonZeroNamingTheField() throws Exception {
		Path file = write("breaking.avsc",
				V1.replace("{\"name\":\"title\",\"type\":\"string\"}", "{\"name\":\"title\",\"type\":\"int\"}"));
		Result result = check(subject + "=" + file);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("x " + subject)
			.contains("field 'title'")
			.contains("TYPE_MISMATCH")
			.contains("registry: ");
	}

	@Test
	void newSubjectHasNothingToBreak() throws Exception {
		Path file = write("new.avsc", V1);
		Result result = check("schema-check-it-new-" + UUID.randomUUID() + "-value=" + file);
		assertThat(result.exitCode()).isZero();
		assertThat(result.output()).contains("All compatible.");
	}

	@Test
	void unreadableFileOrMissingCredentialsCannotBeChecked() throws Exception {
		Result unreadable = check(subject + "=" + write("broken.avsc", "{not avro"));
		assertThat(unreadable.exitCode()).isEqualTo(2);
		assertThat(unreadable.output()).contains("cannot read");

		Result anonymous = run(Map.of(), "--registry=" + EmbeddedStack.schemaRegistryUrl(),
				subject + "=" + write("anonymous.avsc", V1));
		assertThat(anonymous.exitCode()).isEqualTo(2);
		assertThat(anonymous.output()).contains("the check failed").contains("credentials");
	}

	@Test
	void unknownArgumentIsAUsageError() {
		assertThat(check("--frobnicate").exitCode()).isEqualTo(2);
	}

	private static Result check(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--registry=" + EmbeddedStack.schemaRegistryUrl();
		System.arraycopy(args, 0, all, 1, args.length);
		return run(Map.of("SCHEMA_REGISTRY_USER_INFO", EmbeddedStack.registryUserInfo()), all);
	}

	private static Result run(Map<String, String> environment, String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int code = SchemaCheck.run(args, environment, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Result(code, bytes.toString(StandardCharsets.UTF_8));
	}

	private static Path write(String name, String content) throws Exception {
		return Files.writeString(files.resolve(name), content);
	}

	private record Result(int exitCode, String output) {
	}

}
