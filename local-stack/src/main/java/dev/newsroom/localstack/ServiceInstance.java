package dev.newsroom.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to run one instance of a Newsroom service as a child JVM.
 *
 * @param service the service's name, such as {@code view-counter}
 * @param index the instance's number, from 1; together with the service's name it makes
 * the stable instance id
 * @param port the HTTP port
 * @param jvmOptions options for the JVM, such as heap sizes
 * @param launch what to run: {@code -jar <jar>}, or {@code -cp <classpath> <main>}
 * @param properties Spring Boot properties given as {@code --key=value} arguments
 * @param environment variables added to the launcher's environment; the place for
 * secrets, which other users can read in a process's arguments ({@code ps}) but not in
 * its environment
 * @param home the local stack's data folder, whose logs folder receives the log
 */
record ServiceInstance(String service, int index, int port, List<String> jvmOptions, List<String> launch,
		Map<String, String> properties, Map<String, String> environment, Path home) {

	/**
	 * The system property that marks a child JVM as belonging to the stack in a folder.
	 */
	static final String HOME_MARKER = "-Dnewsroom.local-stack.home=";

	/** The system property that names the instance a child JVM runs. */
	static final String INSTANCE_MARKER = "-Dnewsroom.local-stack.instance=";

	ServiceInstance {
		jvmOptions = List.copyOf(jvmOptions);
		launch = List.copyOf(launch);
		properties = new LinkedHashMap<>(properties);
		environment = Map.copyOf(environment);
		home = home.toAbsolutePath().normalize();
	}

	/**
	 * @return the stable instance id, such as {@code view-counter-2}
	 */
	String id() {
		return this.service + "-" + this.index;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	Path logFile() {
		return this.home.resolve("logs").resolve(id() + ".log");
	}

	/**
	 * The same instance run another way, for example from a class-data archive.
	 * @param jvmOptions the JVM options to use instead
	 * @param launch the launch arguments to use instead
	 * @return the changed instance
	 */
	ServiceInstance launchedWith(List<String> jvmOptions, List<String> launch) {
		return new ServiceInstance(this.service, this.index, this.port, jvmOptions, launch, this.properties,
				this.environment, this.home);
	}

	/**
	 * @return the whole command line of the child JVM
	 */
	List<String> command() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		command.add(HOME_MARKER + this.home);
		command.add(INSTANCE_MARKER + id());
		command.addAll(this.launch);
		command.add("--server.port=" + this.port);
		this.properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		return command;
	}

}
