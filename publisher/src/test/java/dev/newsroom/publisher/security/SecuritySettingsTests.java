package dev.newsroom.publisher.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The settings of sign-in as Spring Boot binds them: their defaults, an issuer left
 * empty, and an issuer that is no URL to fetch keys from.
 */
class SecuritySettingsTests {

	@Test
	void defaultsNeedNoIdentityProvider() {
		SecuritySettings settings = bind(Map.of("newsroom.publisher.security.oidc.issuer", ""));

		assertThat(settings.accountsFile()).isEqualTo(Path.of(".newsroom/publisher-accounts.json"));
		assertThat(settings.tokenLifetime()).isEqualTo(Duration.ofHours(12));
		assertThat(settings.oidc().enabled()).isFalse();
		assertThat(settings.oidc().rolesClaim()).isEqualTo("roles");
		assertThat(settings.oidc().nameClaim()).isEqualTo("preferred_username");
	}

	@Test
	void issuerWithoutSchemeStopsTheStartSayingWhatIsExpected() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("newsroom.publisher.security.oidc.issuer", "sso.example/realms/newsroom")))
			.havingRootCause()
			.withMessageContaining("NEWSROOM_OIDC_ISSUER")
			.withMessageContaining("absolute http(s) URL");
	}

	@Test
	void issuerTurnsTheIdentityProviderOn() {
		assertThat(bind(Map.of("newsroom.publisher.security.oidc.issuer", "https://sso.example/realms/newsroom")).oidc()
			.enabled()).isTrue();
	}

	private static SecuritySettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("newsroom.publisher.security",
				SecuritySettings.class);
	}

}
