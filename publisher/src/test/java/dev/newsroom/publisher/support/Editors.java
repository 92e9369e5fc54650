package dev.newsroom.publisher.support;

import java.nio.file.Path;

import dev.newsroom.publisher.security.Role;
import dev.newsroom.publisher.security.TestAccounts;

/**
 * The accounts the integration tests sign in with: an editor, a writer and an admin, with
 * passwords made for this test run.
 */
public final class Editors {

	/** An editor. */
	public static final String EDITOR = "leyla";

	/** A writer. */
	public static final String WRITER = "farid";

	/** An admin. */
	public static final String ADMIN = "root-admin";

	private static final TestAccounts accounts = TestAccounts.create()
		.add(EDITOR, Role.EDITOR)
		.add(WRITER, Role.WRITER)
		.add(ADMIN, Role.ADMIN);

	private Editors() {
	}

	/**
	 * @return the accounts file
	 */
	public static Path accountsFile() {
		return accounts.file();
	}

	/**
	 * @param name an account
	 * @return its password
	 */
	public static String password(String name) {
		return accounts.password(name);
	}

}
