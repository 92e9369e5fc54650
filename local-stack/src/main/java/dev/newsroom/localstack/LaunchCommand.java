package dev.newsroom.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ./run-local} was asked to do: run the stack (with how many instances of
 * each service), or print the status of the one running in this folder.
 *
 * @param status whether to print the status instead of running
 * @param instances how many instances of each scalable service to run
 */
record LaunchCommand(boolean status, Map<String, Integer> instances) {

	/** The services that can run as more than one instance. */
	static final Set<String> SCALABLE = Set.of("publisher", "view-counter", "notifier", "feeds");

	static final int MAX_INSTANCES = 8;

	static final String USAGE = """
			Usage: ./run-local [--instances <service>=<n>[,<service>=<n>...]]
			       ./run-local status
			  --instances  runs more instances of publisher, view-counter or notifier, on the next free ports,
			               for example --instances view-counter=2,notifier=2""";

	LaunchCommand {
		instances = Map.copyOf(instances);
	}

	/**
	 * @param service a service's name
	 * @return how many instances of it to run
	 */
	int instancesOf(String service) {
		return this.instances.getOrDefault(service, 1);
	}

	/**
	 * @param args the launcher's arguments
	 * @return what they ask for
	 * @throws IllegalArgumentException with the usage, if they make no sense
	 */
	static LaunchCommand parse(List<String> args) {
		if (args.size() == 1 && "status".equals(args.get(0))) {
			return new LaunchCommand(true, Map.of());
		}
		Map<String, Integer> instances = new LinkedHashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			String value;
			if (arg.startsWith("--instances=")) {
				value = arg.substring("--instances=".length());
			}
			else if ("--instances".equals(arg) && i + 1 < args.size()) {
				value = args.get(++i);
			}
			else {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'.\n" + USAGE);
			}
			for (String pair : value.split(",")) {
				instances.putAll(instance(pair.trim()));
			}
		}
		return new LaunchCommand(false, instances);
	}

	private static Map<String, Integer> instance(String pair) {
		int equals = pair.indexOf('=');
		if (equals < 0) {
			throw new IllegalArgumentException("'" + pair + "' is not <service>=<n>.\n" + USAGE);
		}
		String service = pair.substring(0, equals);
		if (!SCALABLE.contains(service)) {
			throw new IllegalArgumentException("'" + service + "' cannot be scaled out here; only "
					+ String.join(", ", SCALABLE.stream().sorted().toList())
					+ " can (the local schema registry runs as one instance).\n" + USAGE);
		}
		int count;
		try {
			count = Integer.parseInt(pair.substring(equals + 1));
		}
		catch (NumberFormatException ex) {
			count = 0;
		}
		if (count < 1 || count > MAX_INSTANCES) {
			throw new IllegalArgumentException("The number of " + service + " instances must be from 1 to "
					+ MAX_INSTANCES + ", not '" + pair.substring(equals + 1) + "'.\n" + USAGE);
		}
		return Map.of(service, count);
	}

}
