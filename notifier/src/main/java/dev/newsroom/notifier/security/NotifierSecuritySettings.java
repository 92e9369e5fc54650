package dev.newsroom.notifier.security;

import java.net.URI;
import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in settings, under {@code newsroom.notifier.security}.
 *
 * @param accountsFile the publisher's accounts file, read (never written) for HTTP Basic
 * sign-in where the notifier runs next to the publisher, as on {@code ./run-local}; a
 * file that does not exist signs nobody in
 * @param oidc the newsroom's identity provider, whose JWTs are accepted if an issuer is
 * set: the way to sign in where the notifier runs apart from the publisher
 */
@Validated
@ConfigurationProperties("newsroom.notifier.security")
public record NotifierSecuritySettings(@NotNull @DefaultValue(".newsroom/publisher-accounts.json") Path accountsFile,
		@Valid @NotNull @DefaultValue Oidc oidc) {

	/**
	 * The identity provider.
	 *
	 * @param issuer its issuer URL; without it, JWTs are refused
	 * @param rolesClaim the claim that lists roles, as the publisher reads it
	 */
	public record Oidc(@Nullable URI issuer, @NotBlank @DefaultValue("roles") String rolesClaim) {

		public Oidc {
			if (issuer != null && issuer.toString().isBlank()) {
				issuer = null;
			}
		}

	}

}
