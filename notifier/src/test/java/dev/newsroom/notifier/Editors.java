package dev.newsroom.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * An accounts file as the publisher writes it, with an editor and a writer.
 */
public final class Editors {

	public static final String EDITOR = "editor-1";

	public static final String WRITER = "writer-1";

	public static final String PASSWORD = "correct horse battery";

	private Editors() {
	}

	public static Path accountsFile() {
		try {
			Path folder = Files.createTempDirectory("notifier-accounts");
			String hash = new BCryptPasswordEncoder().encode(PASSWORD);
			Path file = folder.resolve("publisher-accounts.json");
			Files.writeString(file, """
					{
					  "accounts" : [ {
					    "name" : "%s",
					    "passwordHash" : "%s",
					    "roles" : [ "EDITOR" ]
					  }, {
					    "name" : "%s",
					    "passwordHash" : "%s",
					    "roles" : [ "WRITER" ]
					  } ],
					  "tokens" : [ ]
					}
					""".formatted(EDITOR, hash, WRITER, hash));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
