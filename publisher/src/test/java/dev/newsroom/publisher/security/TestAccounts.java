package dev.newsroom.publisher.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Local accounts for tests that start the publisher: an accounts file, under
 * {@code target/}, holding accounts whose passwords are generated per run and known to
 * the test, so that the publisher starts without a first-start admin and the test can
 * sign in. Tests of other packages can use it too: <pre>
 * static final TestAccounts accounts = TestAccounts.create().add("leyla", Role.EDITOR);
 *
 * &#64;DynamicPropertySource
 * static void accounts(DynamicPropertyRegistry registry) {
 *     accounts.register(registry);
 * }
 * // then: header("Authorization", accounts.basic("leyla"))
 * </pre>
 */
public final class TestAccounts {

	/** Bcrypt at its lowest cost: these passwords guard nothing, and tests stay fast. */
	private static final PasswordEncoder cheapHashes = new BCryptPasswordEncoder(4);

	private final AccountsFile file;

	private final Map<String, String> passwords = new HashMap<>();

	private Accounts accounts = Accounts.NONE;

	private TestAccounts(Path file) {
		this.file = new AccountsFile(file);
	}

	/**
	 * An empty accounts file of its own, which does not exist until an account is added.
	 * @return the accounts
	 */
	public static TestAccounts create() {
		return new TestAccounts(Path.of("target", "test-accounts", UUID.randomUUID().toString(), "accounts.json"));
	}

	/**
	 * Adds an account with a generated password and writes the file.
	 * @param name the account name
	 * @param roles its roles
	 * @return these accounts
	 */
	public synchronized TestAccounts add(String name, Role... roles) {
		String password = Secrets.newPassword();
		this.accounts = this.accounts.created(new Account(name, cheapHashes.encode(password), Set.of(roles)));
		this.passwords.put(name, password);
		this.file.write(this.accounts);
		return this;
	}

	/**
	 * Points a Spring Boot test's publisher at this accounts file.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("newsroom.publisher.security.accounts-file", () -> this.file.path().toString());
	}

	/**
	 * @return the accounts file
	 */
	public Path file() {
		return this.file.path();
	}

	/**
	 * The generated password of an account.
	 * @param name the account name
	 * @return its password
	 */
	public synchronized String password(String name) {
		String password = this.passwords.get(name);
		if (password == null) {
			throw new IllegalArgumentException("No test account " + name + "; add it first");
		}
		return password;
	}

	/**
	 * The {@code Authorization} header that signs an account in with HTTP Basic.
	 * @param name the account name
	 * @return the header value
	 */
	public String basic(String name) {
		return basic(name, password(name));
	}

	static String basic(String name, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
