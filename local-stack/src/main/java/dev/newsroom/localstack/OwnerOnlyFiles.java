package dev.newsroom.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold the local stack's secrets: readable by their owner only (permissions
 * 600 where the file system has POSIX permissions), and written in one atomic step.
 */
final class OwnerOnlyFiles {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private OwnerOnlyFiles() {
	}

	static void write(Path file, String content) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = posix(directory)
				? Files.createTempFile(directory, "secret", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
				: Files.createTempFile(directory, "secret", ".tmp");
		try {
			Files.writeString(temporary, content, StandardCharsets.UTF_8);
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	static void restrict(Path file) throws IOException {
		if (posix(file)) {
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
	}

	/**
	 * A secret kept in a file of its own: read if the file exists, otherwise made up (32
	 * random letters and digits) and written.
	 * @param file the file
	 * @return the secret
	 * @throws IOException if the file cannot be read or written
	 */
	static String secret(Path file) throws IOException {
		if (Files.exists(file)) {
			restrict(file);
			String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (!secret.isEmpty()) {
				return secret;
			}
		}
		String secret = RegistryCredentials.randomPassword();
		write(file, secret + System.lineSeparator());
		return secret;
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
