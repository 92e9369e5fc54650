package dev.newsroom.localstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The lock that allows one local stack per folder. It is an operating-system file lock on
 * {@code .newsroom/run-local.lock}, so it is released however the launcher ends,
 * {@code kill -9} included; the file also says which launcher holds it.
 */
final class StackLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private StackLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static Path file(Path home) {
		return home.resolve("run-local.lock");
	}

	/**
	 * Takes the lock for this process.
	 * @param home the stack's data folder
	 * @return the lock, held until closed or until this process ends
	 * @throws AlreadyRunningException if another launcher holds it
	 * @throws IOException if the lock file cannot be written
	 */
	static StackLock acquire(Path home) throws IOException {
		Files.createDirectories(home);
		Path file = file(home);
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new AlreadyRunningException(home, holder(home));
		}
		ProcessHandle self = ProcessHandle.current();
		String holder = "pid " + self.pid() + ", started "
				+ self.info().startInstant().orElse(Instant.now()).truncatedTo(ChronoUnit.SECONDS);
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
		channel.force(false);
		return new StackLock(channel, lock);
	}

	/**
	 * @param home the stack's data folder
	 * @return whether a launcher holds the lock now
	 * @throws IOException if the lock file cannot be opened
	 */
	static boolean isHeld(Path home) throws IOException {
		if (!Files.exists(file(home))) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(file(home), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
	}

	/**
	 * @param home the stack's data folder
	 * @return who holds the lock, as the holder wrote it
	 */
	static String holder(Path home) {
		try {
			String holder = Files.readString(file(home), StandardCharsets.UTF_8).strip();
			return holder.isEmpty() ? "a launcher that is still starting" : holder;
		}
		catch (IOException ex) {
			return "an unknown launcher";
		}
	}

	@Override
	public void close() throws IOException {
		this.lock.release();
		this.channel.close();
	}

	/** Another launcher runs a stack in the same folder. */
	static final class AlreadyRunningException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		AlreadyRunningException(Path home, String holder) {
			super("Newsroom is already running in this folder (launcher " + holder + ", data in "
					+ home.toAbsolutePath() + "). Use it, print its status with './run-local status', or stop it "
					+ "with Ctrl-C in its terminal before starting another.");
		}

	}

}
