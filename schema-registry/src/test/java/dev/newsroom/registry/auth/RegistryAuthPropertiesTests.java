package dev.newsroom.registry.auth;

import java.time.Duration;
import java.util.Map;

import dev.newsroom.registry.SchemaRegistryApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The users are read and checked at startup, and a registry that nobody could write to
 * does not start.
 */
@ExtendWith(OutputCaptureExtension.class)
class RegistryAuthPropertiesTests {

	private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("not-a-real-password");

	@Test
	void registryWithAuthenticationOnAndNoUserRefusesToStartSayingHowToConfigureOne(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start()).withStackTraceContaining("No registry user is configured");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("newsroom.registry.auth.users.<name>={bcrypt}<hash>")
			.contains("htpasswd -bnBC 10")
			.contains("newsroom.registry.auth.enabled=false");
	}

	@Test
	void registryWithAPasswordInPlaceOfItsHashRefusesToStartWithoutPrintingIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("newsroom.registry.auth.users.services=hunter2-in-clear"))
			.withStackTraceContaining("newsroom.registry.auth.users.services is not the bcrypt hash");
		assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain("hunter2-in-clear");
	}

	@Test
	void settingsHaveDefaults() {
		RegistryAuthProperties properties = bind(Map.of("newsroom.registry.auth.users.services", HASH));
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.users()).containsExactly(Map.entry("services", HASH));
		assertThat(properties.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.cacheSize()).isEqualTo(1000);
	}

	@Test
	void authenticationTurnedOffExplicitlyNeedsNoUser() {
		RegistryAuthProperties properties = bind(Map.of("newsroom.registry.auth.enabled", "false"));
		assertThat(properties.enabled()).isFalse();
		assertThat(properties.users()).isEmpty();
	}

	@Test
	void aPasswordInPlaceOfItsHashIsRefusedWithoutQuotingIt() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("newsroom.registry.auth.users.services", "hunter2-in-clear")))
			.havingRootCause()
			.withMessageContaining("newsroom.registry.auth.users.services is not the bcrypt hash")
			.withMessageContaining("htpasswd")
			.withMessageNotContaining("hunter2-in-clear");
	}

	@Test
	void aHashOfAnotherKindIsRefused() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("newsroom.registry.auth.users.services", "{noop}password")))
			.havingRootCause()
			.withMessageContaining("is not the bcrypt hash");
	}

	@Test
	void usersCanBeGivenAsEnvironmentVariables() {
		SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("NEWSROOM_REGISTRY_AUTH_USERS_SERVICES", HASH));
		RegistryAuthProperties properties = new Binder(ConfigurationPropertySource.from(environment))
			.bindOrCreate("newsroom.registry.auth", RegistryAuthProperties.class);
		assertThat(properties.users()).containsExactly(Map.entry("services", HASH));
	}

	private static void start(String... properties) {
		SchemaRegistryApplication.builder()
			.properties("server.port=0", "spring.kafka.bootstrap-servers=localhost:9", "spring.main.banner-mode=off")
			.properties(properties)
			.run()
			.close();
	}

	private static RegistryAuthProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("newsroom.registry.auth",
				RegistryAuthProperties.class);
	}

}
