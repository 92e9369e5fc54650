package dev.newsroom.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A status line per service instance, rewritten by the launcher whenever one changes and
 * printed by {@code ./run-local status} from another terminal.
 */
final class StatusFile {

	private static final String FORMAT = "%-16s %-18s %-11s %-8s %-9s %s%n";

	private final Path file;

	private final long launcherPid;

	StatusFile(Path file, long launcherPid) {
		this.file = file;
		this.launcherPid = launcherPid;
	}

	Path path() {
		return this.file;
	}

	/**
	 * Replaces the file with the current state of the instances, in one atomic step so a
	 * reader never sees half of it.
	 * @param services the supervised instances
	 */
	synchronized void write(List<SupervisedService> services) {
		StringBuilder text = new StringBuilder();
		text.append(String.format("Newsroom local stack, launcher pid %d, as of %s%n", this.launcherPid,
				Instant.now().truncatedTo(ChronoUnit.SECONDS)));
		text.append(String.format(FORMAT, "service", "instance", "state", "pid", "restarts", "url"));
		for (SupervisedService service : services) {
			ServiceInstance instance = service.instance();
			text.append(String.format(FORMAT, instance.service(), instance.id(), service.state().label(), service.pid(),
					service.restarts(), instance.url()));
		}
		try {
			Files.createDirectories(this.file.getParent());
			Path temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			try {
				Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the stack's status to " + this.file, ex);
		}
	}

	/**
	 * @return the last status written
	 * @throws IOException if there is none
	 */
	String read() throws IOException {
		return Files.readString(this.file, StandardCharsets.UTF_8);
	}

}
