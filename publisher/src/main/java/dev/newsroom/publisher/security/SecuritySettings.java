package dev.newsroom.publisher.security;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of sign-in, under {@code newsroom.publisher.security}.
 *
 * @param accountsFile the JSON file of local accounts and API token hashes; created with
 * an {@code admin} account at first start
 * @param tokenLifetime how long an API token from {@code POST /api/tokens} is valid
 * @param oidc the newsroom's identity provider, whose JWTs are accepted if an issuer is
 * set
 */
@Validated
@ConfigurationProperties("newsroom.publisher.security")
record SecuritySettings(@NotNull @DefaultValue(".newsroom/publisher-accounts.json") Path accountsFile,
		@NotNull @DurationMin(minutes = 1) @DefaultValue("12h") Duration tokenLifetime,
		@Valid @NotNull @DefaultValue Oidc oidc) {

	/**
	 * The identity provider.
	 *
	 * @param issuer its issuer URL, whose {@code /.well-known/openid-configuration} names
	 * the signing keys; without it only local accounts sign in
	 * @param rolesClaim the claim that lists roles, a dotted path for nested claims (such
	 * as Keycloak's {@code realm_access.roles})
	 * @param nameClaim the claim that names the editor; {@code sub} where it is missing
	 */
	record Oidc(@Nullable URI issuer, @NotBlank @DefaultValue("roles") String rolesClaim,
			@NotBlank @DefaultValue("preferred_username") String nameClaim) {

		Oidc {
			if (issuer != null && issuer.toString().isBlank()) {
				issuer = null;
			}
			if (issuer != null && !("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme()))) {
				throw new IllegalArgumentException("newsroom.publisher.security.oidc.issuer (NEWSROOM_OIDC_ISSUER) "
						+ "must be the identity provider's absolute http(s) URL, such as "
						+ "https://sso.example/realms/newsroom; it is " + issuer);
			}
		}

		boolean enabled() {
			return this.issuer != null;
		}

	}

}
