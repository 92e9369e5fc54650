package dev.newsroom.notifier.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs in the publisher's local accounts with HTTP Basic, reading the publisher's
 * accounts file ({@code {"accounts": [{"name", "passwordHash", "roles"}]}}) and reading
 * it again when it changes, so that an account the admin adds or removes counts here too.
 * A name and password that passed bcrypt are remembered, as a SHA-256 hash, for a minute.
 * An unknown name costs a bcrypt check all the same, and both failures read alike, so
 * that answers do not tell which names exist.
 */
final class PublisherAccounts implements AuthenticationProvider {

	private static final Logger logger = LoggerFactory.getLogger(PublisherAccounts.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Duration REMEMBERED = Duration.ofMinutes(1);

	private final Path file;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final String unknownUserHash;

	private final Map<String, Instant> verified = new ConcurrentHashMap<>();

	private volatile Snapshot snapshot = new Snapshot(null, Map.of(), Map.of());

	PublisherAccounts(Path file, PasswordEncoder encoder, Clock clock) {
		this.file = file.toAbsolutePath();
		this.encoder = encoder;
		this.clock = clock;
		this.unknownUserHash = encoder.encode(UUID.randomUUID().toString());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		Account account = accounts().get(name);
		if (account == null) {
			this.encoder.matches(password, this.unknownUserHash);
			throw refused();
		}
		String key = fingerprint(name, password, account.passwordHash());
		Instant until = this.verified.get(key);
		Instant now = this.clock.instant();
		if (until == null || now.isAfter(until)) {
			if (!this.encoder.matches(password, account.passwordHash())) {
				throw refused();
			}
			this.verified.put(key, now.plus(REMEMBERED));
		}
		List<SimpleGrantedAuthority> authorities = Roles.implied(account.roles())
			.stream()
			.map(SimpleGrantedAuthority::new)
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(name, null, authorities);
	}

	/**
	 * Signs in with an API token the publisher issued ({@code POST /api/tokens}), which
	 * its accounts file holds as a SHA-256 hash with its account and expiry: what the
	 * editors' console calls with.
	 * @param token the token, {@code nr_…}
	 * @return the token's account, with its roles
	 * @throws BadCredentialsException if the token is unknown, expired, or its account is
	 * gone
	 */
	Authentication authenticateToken(String token) {
		accounts();
		Snapshot current = this.snapshot;
		StoredToken stored = current.tokens().get(hash(token));
		Account account = (stored != null) ? current.accounts().get(stored.account()) : null;
		if (stored == null || account == null || !this.clock.instant().isBefore(stored.expiresAt())) {
			throw new BadCredentialsException("Unknown or expired token");
		}
		List<SimpleGrantedAuthority> authorities = Roles.implied(account.roles())
			.stream()
			.map(SimpleGrantedAuthority::new)
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(account.name(), null, authorities);
	}

	private static String hash(String token) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private Map<String, Account> accounts() {
		FileTime modified;
		try {
			modified = Files.getLastModifiedTime(this.file);
		}
		catch (NoSuchFileException ex) {
			return Map.of();
		}
		catch (IOException ex) {
			throw new AuthenticationServiceException("Cannot read the accounts file " + this.file, ex);
		}
		Snapshot current = this.snapshot;
		if (modified.equals(current.modified())) {
			return current.accounts();
		}
		try {
			Contents contents = json.readValue(Files.readAllBytes(this.file), Contents.class);
			Map<String, Account> accounts = (contents.accounts() != null)
					? contents.accounts()
						.stream()
						.collect(Collectors.toMap(Account::name, (account) -> account, (first, second) -> first))
					: Map.of();
			Map<String, StoredToken> tokens = (contents.tokens() != null)
					? contents.tokens()
						.stream()
						.collect(Collectors.toMap(StoredToken::hash, (token) -> token, (first, second) -> first))
					: Map.of();
			this.snapshot = new Snapshot(modified, accounts, tokens);
			this.verified.clear();
			logger.info("Read {} account(s) from {}", accounts.size(), this.file);
			return accounts;
		}
		catch (IOException | RuntimeException ex) {
			throw new AuthenticationServiceException("Cannot read the accounts file " + this.file + ": "
					+ ex.getMessage() + ". The publisher writes it; check that it is the publisher's", ex);
		}
	}

	private static BadCredentialsException refused() {
		return new BadCredentialsException("Unknown user or wrong password");
	}

	private static String fingerprint(String name, String password, String hash) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of()
				.formatHex(digest.digest((name + "\0" + password + "\0" + hash).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Snapshot(@Nullable FileTime modified, Map<String, Account> accounts,
			Map<String, StoredToken> tokens) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Contents(@Nullable List<Account> accounts, @Nullable List<StoredToken> tokens) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record StoredToken(String hash, String account, Instant expiresAt) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Account(String name, String passwordHash, Set<String> roles) {

		@Override
		public String toString() {
			return "Account[name=" + this.name + ", roles=" + this.roles + "]";
		}

	}

	/**
	 * The publisher's roles, each implying those below it.
	 */
	static final class Roles {

		private static final List<String> ORDER = List.of("WRITER", "EDITOR", "ADMIN");

		private Roles() {
		}

		static Set<String> implied(Set<String> roles) {
			int highest = -1;
			for (String role : roles) {
				highest = Math.max(highest, ORDER.indexOf(role.toUpperCase(Locale.ROOT)));
			}
			return ORDER.subList(0, highest + 1).stream().map((role) -> "ROLE_" + role).collect(Collectors.toSet());
		}

	}

}
