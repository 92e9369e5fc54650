package dev.newsroom.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The registry user is made up once, kept where only its owner can read it, and reused on
 * later starts.
 */
class RegistryCredentialsTests {

	@TempDir
	Path home;

	@Test
	void firstStartMakesUpAUserWithALongRandomPasswordAndStoresIt() throws Exception {
		Path file = this.home.resolve(".newsroom/registry-credentials.properties");
		RegistryCredentials credentials = RegistryCredentials.loadOrCreate(file);

		assertThat(file).isRegularFile();
		assertThat(credentials.user()).isEqualTo("newsroom-services");
		assertThat(credentials.password()).hasSizeGreaterThanOrEqualTo(24).matches("[A-Za-z0-9]+");
		assertThat(Files.readString(file)).contains("user=newsroom-services")
			.contains("password=" + credentials.password());
		assertThat(credentials.userInfo()).isEqualTo("newsroom-services:" + credentials.password());
		assertThat(RegistryCredentials.loadOrCreate(this.home.resolve("other.properties")).password())
			.as("another file, another password")
			.isNotEqualTo(credentials.password());
	}

	@Test
	void laterStartsReuseTheStoredUser() throws Exception {
		Path file = this.home.resolve("registry-credentials.properties");
		RegistryCredentials first = RegistryCredentials.loadOrCreate(file);
		String stored = Files.readString(file);

		RegistryCredentials again = RegistryCredentials.loadOrCreate(file);

		assertThat(again).isEqualTo(first);
		assertThat(Files.readString(file)).isEqualTo(stored);
	}

	@Test
	void onlyTheOwnerCanReadOrWriteTheFile() throws Exception {
		assumeTrue(this.home.getFileSystem().supportedFileAttributeViews().contains("posix"),
				"POSIX permissions are not supported here");
		Path file = this.home.resolve("registry-credentials.properties");
		RegistryCredentials.loadOrCreate(file);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		RegistryCredentials.loadOrCreate(file);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("tightened on reuse")
			.isEqualTo("rw-------");
	}

	@Test
	void theRegistryGetsABcryptHashAndToStringHidesThePassword() throws Exception {
		RegistryCredentials credentials = RegistryCredentials.loadOrCreate(this.home.resolve("credentials"));
		String hash = credentials.passwordHash();

		assertThat(hash).startsWith("{bcrypt}$2a$").doesNotContain(credentials.password());
		assertThat(new BCryptPasswordEncoder().matches(credentials.password(), hash.substring("{bcrypt}".length())))
			.isTrue();
		assertThat(credentials.toString()).contains("newsroom-services").doesNotContain(credentials.password());
	}

	@Test
	void aFileWithoutCredentialsIsRefusedSayingToDeleteIt() throws Exception {
		Path file = this.home.resolve("registry-credentials.properties");
		Files.writeString(file, "user=newsroom-services\n");
		assertThatIOException().isThrownBy(() -> RegistryCredentials.loadOrCreate(file))
			.withMessageContaining(file.toString())
			.withMessageContaining("delete it");
	}

}
