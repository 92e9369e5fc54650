package dev.newsroom.notifier.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The publisher's API tokens sign in to the notifier too, as the publisher's accounts
 * file holds them (a SHA-256 hash, its account, its expiry): the console calls with them.
 */
class PublisherTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	@TempDir
	Path folder;

	@Test
	void aTokenTheFileHoldsSignsInAsItsAccountWithTheRolesItImplies() throws Exception {
		PublisherAccounts accounts = accounts("nr_leyla", "leyla", "EDITOR", NOW.plusSeconds(3600));
		Authentication signedIn = accounts.authenticateToken("nr_leyla");
		assertThat(signedIn.getName()).isEqualTo("leyla");
		assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_EDITOR", "ROLE_WRITER");
	}

	@Test
	void anExpiredUnknownOrOrphanTokenIsRefused() throws Exception {
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> accounts("nr_old", "leyla", "EDITOR", NOW).authenticateToken("nr_old"));
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(
				() -> accounts("nr_leyla", "leyla", "EDITOR", NOW.plusSeconds(60)).authenticateToken("nr_other"));
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(
				() -> accounts("nr_gone", "nobody", "EDITOR", NOW.plusSeconds(60)).authenticateToken("nr_gone"));
	}

	private PublisherAccounts accounts(String token, String holder, String role, Instant expiresAt) throws Exception {
		Path file = Files.createTempFile(this.folder, "accounts", ".json");
		String hash = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		Files.writeString(file, """
				{"accounts":[{"name":"leyla","passwordHash":"%s","roles":["%s"]}],
				 "tokens":[{"hash":"%s","account":"%s","expiresAt":"%s"}]}"""
			.formatted(new BCryptPasswordEncoder(4).encode("secret"), role, hash, holder, expiresAt));
		return new PublisherAccounts(file, new BCryptPasswordEncoder(4), Clock.fixed(NOW, ZoneOffset.UTC));
	}

}
