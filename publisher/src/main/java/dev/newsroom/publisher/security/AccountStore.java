package dev.newsroom.publisher.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The local accounts and their API tokens. Every request reads them, so reads take the
 * current {@link Accounts} snapshot without locking; changes are made one at a time,
 * written to the {@link AccountsFile} and only then swapped in. At first start, when the
 * file does not exist, it creates an {@code admin} account and prints its generated
 * password once.
 */
@Component
class AccountStore {

	static final String FIRST_ADMIN = "admin";

	/** Bcrypt reads no further than this many bytes of a password. */
	static final int MAX_PASSWORD_BYTES = 72;

	private static final Logger logger = LoggerFactory.getLogger(AccountStore.class);

	private static final String FIRST_START_BANNER = """

			==========================================================================
			Newsroom publisher: first start. Admin account created.
			    user:     {}
			    password: {}
			Change it with (curl asks for the password above, then send the new one):
			    curl -u {} -X PUT http://localhost:8082/api/accounts/{}/password \\
			      -H 'Content-Type: application/json' -d '{"password":"<new password>"}'
			This password is shown only this once; the publisher keeps only its bcrypt
			hash, in {}
			==========================================================================""";

	private final AccountsFile file;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final Duration tokenLifetime;

	private final AtomicReference<Accounts> current;

	AccountStore(SecuritySettings settings, PasswordEncoder passwords, Clock clock) {
		this.file = new AccountsFile(settings.accountsFile());
		this.passwords = passwords;
		this.clock = clock;
		this.tokenLifetime = settings.tokenLifetime();
		this.current = new AtomicReference<>(this.file.read().orElseGet(this::firstStart));
		if (this.current.get().admins() == 0) {
			logger.warn("No account in {} has the role ADMIN, so nobody can manage accounts. "
					+ "Move the file away and restart to create a new admin account.", this.file.path());
		}
	}

	private Accounts firstStart() {
		String password = Secrets.newPassword();
		Accounts accounts = Accounts.NONE
			.created(new Account(FIRST_ADMIN, this.passwords.encode(password), Set.of(Role.ADMIN)));
		this.file.write(accounts);
		logger.warn(FIRST_START_BANNER, FIRST_ADMIN, password, FIRST_ADMIN, FIRST_ADMIN, this.file.path());
		return accounts;
	}

	Path path() {
		return this.file.path();
	}

	Optional<Account> find(String name) {
		return this.current.get().find(name);
	}

	List<Account> list() {
		return this.current.get().sorted();
	}

	/**
	 * The account an API token signs in.
	 * @param tokenHash the hash of the token
	 * @return the account, or empty if the token is unknown, expired or revoked
	 */
	Optional<Account> holderOf(String tokenHash) {
		return this.current.get().holderOf(tokenHash, this.clock.instant());
	}

	Account create(String name, Set<Role> roles, String password) {
		Account account = new Account(name, hash(password), roles);
		change((accounts) -> accounts.created(account));
		return account;
	}

	Account changeRoles(String name, Set<Role> roles) {
		return change((accounts) -> accounts.changed(name, (account) -> account.withRoles(roles))).find(name)
			.orElseThrow();
	}

	/**
	 * Sets an account's password and revokes its tokens, which were issued on the old
	 * one.
	 * @param name the account
	 * @param password the new password
	 */
	void changePassword(String name, String password) {
		String hash = hash(password);
		change((accounts) -> accounts.changed(name, (account) -> account.withPasswordHash(hash)).withoutTokensOf(name));
	}

	void delete(String name) {
		change((accounts) -> accounts.deleted(name));
	}

	IssuedToken issueToken(String name) {
		String token = Secrets.newToken();
		Instant expiresAt = this.clock.instant().plus(this.tokenLifetime);
		Accounts changed = change((accounts) -> {
			if (accounts.find(name).isEmpty()) {
				throw AccountChangeRefusedException.notFound(name);
			}
			return accounts.withToken(new StoredToken(Secrets.hash(token), name, expiresAt));
		});
		return new IssuedToken(token, expiresAt, name, changed.find(name).orElseThrow().roles());
	}

	void revokeToken(String tokenHash) {
		change((accounts) -> accounts.withoutToken(tokenHash));
	}

	/**
	 * Whether a password fits bcrypt, which ignores what comes after its first 72 bytes.
	 * @param password the password
	 * @return {@code true} if it is at most {@value #MAX_PASSWORD_BYTES} bytes in UTF-8
	 */
	static boolean fits(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
	}

	private String hash(String password) {
		if (!fits(password)) {
			throw new IllegalArgumentException("A password must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
		}
		return this.passwords.encode(password);
	}

	private synchronized Accounts change(UnaryOperator<Accounts> change) {
		Accounts next = change.apply(this.current.get()).withoutExpiredTokens(this.clock.instant());
		this.file.write(next);
		this.current.set(next);
		return next;
	}

}
