package dev.newsroom.publisher.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON file that keeps the local accounts and token hashes across restarts. A write
 * goes to a temporary file in the same folder, readable by its owner only where the file
 * system has POSIX permissions, which is then moved over the old one: a crash leaves
 * either the old file or the new one, never half of one.
 */
final class AccountsFile {

	private static final Logger logger = LoggerFactory.getLogger(AccountsFile.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Path path;

	AccountsFile(Path path) {
		this.path = path.toAbsolutePath();
	}

	Path path() {
		return this.path;
	}

	/**
	 * Reads the accounts, first making the file readable by its owner only if others
	 * could read it.
	 * @return the accounts, or empty if the file does not exist
	 * @throws IllegalStateException if the file cannot be read or does not hold accounts
	 */
	Optional<Accounts> read() {
		if (!Files.exists(this.path)) {
			return Optional.empty();
		}
		try {
			restrictToOwner();
			Contents contents = json.readValue(Files.readAllBytes(this.path), Contents.class);
			return Optional.of(contents.toAccounts());
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Cannot read the accounts file " + this.path + " (" + ex.getMessage()
					+ "). Repair it, or move it away to start afresh: the publisher then creates a new admin "
					+ "account and prints its password once.", ex);
		}
	}

	/**
	 * Replaces the file with these accounts, atomically where the file system can.
	 * @param accounts the accounts
	 * @throws UncheckedIOException if the file cannot be written
	 */
	void write(Accounts accounts) {
		byte[] bytes = json.writeValueAsBytes(new Contents(accounts.sorted(), accounts.sortedTokens()));
		Path folder = this.path.getParent();
		try {
			Files.createDirectories(folder);
			Path temporary = posix()
					? Files.createTempFile(folder, this.path.getFileName().toString(), ".tmp",
							PosixFilePermissions.asFileAttribute(OWNER_ONLY))
					: Files.createTempFile(folder, this.path.getFileName().toString(), ".tmp");
			try {
				try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
					channel.write(ByteBuffer.wrap(bytes));
					channel.force(true);
				}
				moveOver(temporary);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the accounts file " + this.path + " (" + ex
					+ "): make its folder writable, or set newsroom.publisher.security.accounts-file "
					+ "(or NEWSROOM_HOME) to a writable place.", ex);
		}
	}

	private void moveOver(Path temporary) throws IOException {
		try {
			Files.move(temporary, this.path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, this.path, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private void restrictToOwner() throws IOException {
		if (posix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(this.path))) {
			Files.setPosixFilePermissions(this.path, OWNER_ONLY);
			logger.warn("The accounts file {} was open to other users; it is now readable by its owner only",
					this.path);
		}
	}

	private boolean posix() {
		return this.path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	/**
	 * The file's JSON.
	 *
	 * @param accounts the accounts, by name
	 * @param tokens the token hashes, by expiry
	 */
	record Contents(@Nullable List<Account> accounts, @Nullable List<StoredToken> tokens) {

		Accounts toAccounts() {
			return Accounts.of(Objects.requireNonNullElse(this.accounts, List.of()),
					Objects.requireNonNullElse(this.tokens, List.of()));
		}

	}

}
