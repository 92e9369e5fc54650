package dev.newsroom.publisher.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A publisher accounts file with an editor, a writer and an admin, each with a password
 * made for this test run, written before the publisher starts.
 */
public final class TestAccounts {

	/** An editor. */
	public static final String EDITOR = "leyla";

	/** A writer. */
	public static final String WRITER = "farid";

	/** An admin. */
	public static final String ADMIN = "root-admin";

	private static final Map<String, String> passwords = Map.of(EDITOR, UUID.randomUUID().toString(), WRITER,
			UUID.randomUUID().toString(), ADMIN, UUID.randomUUID().toString());

	private static Path file;

	private TestAccounts() {
	}

	/**
	 * @return the accounts file, written on first use
	 */
	public static synchronized Path file() {
		if (file == null) {
			try {
				Path folder = Files.createTempDirectory("publisher-accounts");
				file = folder.resolve("publisher-accounts.json");
				BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
				List<Map<String, Object>> accounts = List.of(account(bcrypt, EDITOR, "EDITOR"),
						account(bcrypt, WRITER, "WRITER"), account(bcrypt, ADMIN, "ADMIN"));
				Files.write(file, JsonMapper.builder()
					.build()
					.writeValueAsBytes(Map.of("accounts", accounts, "tokens", List.of())));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return file;
	}

	/**
	 * @param name an account
	 * @return its password
	 */
	public static String password(String name) {
		return passwords.get(name);
	}

	private static Map<String, Object> account(BCryptPasswordEncoder bcrypt, String name, String role) {
		return Map.of("name", name, "passwordHash", "{bcrypt}" + bcrypt.encode(passwords.get(name)), "roles",
				List.of(role));
	}

}
