package dev.newsroom.schemas.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.view.PageView;
import dev.newsroom.testsupport.EmbeddedStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The registry client against Newsroom's real registry, backed by a real broker, as the
 * registry's user.
 */
class HttpSchemaRegistryClientIT {

	private final SchemaRegistryClient client = new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl(),
			EmbeddedStack.registryUserInfo());

	@Test
	void registeredSchemaIsFoundByLookupByIdAndAsLatest() {
		String subject = "client-it-register-value";
		int id = this.client.register(subject, PageView.getClassSchema());

		RegisteredSchema found = this.client.lookup(subject, PageView.getClassSchema());
		assertThat(found.id()).isEqualTo(id);
		assertThat(found.version()).isEqualTo(1);
		assertThat(found.subject()).isEqualTo(subject);
		assertThat(this.client.getById(id)).isEqualTo(PageView.getClassSchema());
		assertThat(new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl()).getById(id)).as("uncached client")
			.isEqualTo(PageView.getClassSchema());
		assertThat(this.client.getLatest(subject).id()).isEqualTo(id);
		assertThat(this.client.getSubjects()).contains(subject);
		assertThat(this.client.getVersions(subject)).containsExactly(1);
	}

	@Test
	void registeringTheSameSchemaAgainGivesTheSameIdAndNoNewVersion() {
		String subject = "client-it-again-value";
		int first = this.client.register(subject, PageView.getClassSchema());
		int again = new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl(), EmbeddedStack.registryUserInfo())
			.register(subject, PageView.getClassSchema());
		assertThat(again).isEqualTo(first);
		assertThat(this.client.getVersions(subject)).containsExactly(1);
	}

	@Test
	void incompatibleSchemaIsReportedAndRefusedWith409() {
		String subject = "client-it-incompatible-value";
		Schema v1 = SchemaBuilder.record("Probe").fields().requiredString("a").endRecord();
		Schema addsRequiredField = SchemaBuilder.record("Probe")
			.fields()
			.requiredString("a")
			.requiredLong("b")
			.endRecord();
		Schema addsOptionalField = SchemaBuilder.record("Probe")
			.fields()
			.requiredString("a")
			.optionalLong("c")
			.endRecord();
		this.client.register(subject, v1);

		assertThat(this.client.isCompatible(subject, addsRequiredField)).isFalse();
		assertThat(this.client.isCompatible(subject, addsOptionalField)).isTrue();
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.client.register(subject, addsRequiredField))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA));
		assertThat(this.client.register(subject, addsOptionalField)).isPositive();
		assertThat(this.client.getVersions(subject)).containsExactly(1, 2);
	}

	@Test
	void unknownIdSubjectAndSchemaAreNotFoundWithConfluentErrorCodes() {
		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> this.client.getById(999_999))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND))
			.satisfies((ex) -> assertThat(ex.isNotFound()).isTrue());
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.client.getLatest("client-it-no-such-subject"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
		String subject = "client-it-lookup-value";
		this.client.register(subject, PageView.getClassSchema());
		Schema other = SchemaBuilder.record("Other").fields().requiredInt("n").endRecord();
		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> this.client.lookup(subject, other))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
	}

	@Test
	void deletedSubjectIsGoneFromTheListing() {
		String subject = "client-it-delete-value";
		this.client.register(subject, PageView.getClassSchema());
		assertThat(this.client.deleteSubject(subject, false)).containsExactly(1);
		assertThat(this.client.deleteSubject(subject, true)).containsExactly(1);
		assertThat(this.client.getSubjects()).doesNotContain(subject);
	}

	@Test
	void withoutCredentialsReadsWorkAndChangesAreRefusedWith401() {
		String subject = "client-it-anonymous-value";
		int id = this.client.register(subject, PageView.getClassSchema());
		for (String userInfo : new String[] { null, "", " " }) {
			SchemaRegistryClient anonymous = new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl(), userInfo);
			assertThat(anonymous.getById(id)).isEqualTo(PageView.getClassSchema());
			assertThat(anonymous.getLatest(subject).id()).isEqualTo(id);
			assertThatExceptionOfType(SchemaRegistryException.class)
				.isThrownBy(() -> anonymous.register("client-it-anonymous-other-value", PageView.getClassSchema()))
				.withMessageContaining("basic.auth.user.info")
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401))
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(401));
			assertThatExceptionOfType(SchemaRegistryException.class)
				.isThrownBy(() -> anonymous.deleteSubject(subject, false))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401));
		}
		assertThat(this.client.getVersions(subject)).containsExactly(1);
		assertThat(this.client.getSubjects()).doesNotContain("client-it-anonymous-other-value");
	}

	@Test
	void aWrongPasswordIsRefusedWith401() {
		String user = EmbeddedStack.registryUserInfo().split(":", 2)[0];
		SchemaRegistryClient wrong = new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl(),
				user + ":wrong-password");
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> wrong.register("client-it-wrong-password-value", PageView.getClassSchema()))
			.withMessageContaining("credentials were refused")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401));
	}

	@Test
	void unreachableRegistrySaysWhereItLooked() {
		SchemaRegistryClient nowhere = new HttpSchemaRegistryClient("http://localhost:9");
		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> nowhere.getById(1))
			.withMessageContaining("http://localhost:9")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(SchemaRegistryException.UNREACHABLE));
	}

}
