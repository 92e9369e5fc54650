package dev.newsroom.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops service JVMs left running by a launcher that was killed hard. Every
 * child the launcher starts carries the stack's data folder and its instance id as system
 * properties on its command line; a process is a leftover only if its command line holds
 * exactly this folder's marker, so stacks in other folders are never touched.
 */
final class LeftoverProcesses {

	private static final Logger logger = LoggerFactory.getLogger("local-stack");

	private LeftoverProcesses() {
	}

	/**
	 * @param home the stack's data folder
	 * @return the processes that carry this folder's marker, other than this one
	 */
	static List<ProcessHandle> find(Path home) {
		String marker = ServiceInstance.HOME_MARKER + home.toAbsolutePath().normalize();
		long self = ProcessHandle.current().pid();
		return ProcessHandle.allProcesses()
			.filter((process) -> process.pid() != self)
			.filter((process) -> commandLine(process).contains(" " + marker + " "))
			.toList();
	}

	/**
	 * Stops every leftover of this folder's stack, gracefully and then forcibly, and says
	 * which.
	 * @param home the stack's data folder
	 * @return how many were stopped
	 */
	static int stopAll(Path home) {
		List<ProcessHandle> leftovers = find(home);
		leftovers.parallelStream().forEach((process) -> {
			logger.warn("Stopping {} (pid {}), left running by a launcher that ended without stopping it",
					instanceOf(process).orElse("a service"), process.pid());
			ServiceProcess.stop(process);
		});
		return leftovers.size();
	}

	private static Optional<String> instanceOf(ProcessHandle process) {
		return Arrays.stream(commandLine(process).split(" "))
			.filter((argument) -> argument.startsWith(ServiceInstance.INSTANCE_MARKER))
			.map((argument) -> argument.substring(ServiceInstance.INSTANCE_MARKER.length()))
			.findFirst();
	}

	/**
	 * The whole command line, which the JDK gives even when it is too long for
	 * {@code ProcessHandle.Info.arguments()}.
	 */
	private static String commandLine(ProcessHandle process) {
		return process.info().commandLine().orElse("");
	}

}
