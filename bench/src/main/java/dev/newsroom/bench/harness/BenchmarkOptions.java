package dev.newsroom.bench.harness;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A benchmark's command-line options, each written {@code --name=value}. Only the names
 * the benchmark declares are accepted, so that a mistyped option is refused rather than
 * silently ignored.
 */
public final class BenchmarkOptions {

	private final List<String> names;

	private final Map<String, String> values;

	private BenchmarkOptions(List<String> names, Map<String, String> values) {
		this.names = names;
		this.values = values;
	}

	/**
	 * Reads the arguments.
	 * @param args the arguments, each {@code --name=value}
	 * @param names the option names the benchmark accepts, without {@code --}
	 * @return the options
	 * @throws BenchmarkException if an argument is not {@code --name=value}, or its name
	 * is not one of {@code names}, or it is given twice
	 */
	public static BenchmarkOptions parse(String[] args, String... names) {
		List<String> accepted = List.of(names);
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new BenchmarkException(
						"Cannot read argument '" + arg + "': write options as --name=value. " + usage(accepted));
			}
			String name = arg.substring(2, equals);
			if (!accepted.contains(name)) {
				throw new BenchmarkException("Unknown option --" + name + ". " + usage(accepted));
			}
			if (values.putIfAbsent(name, arg.substring(equals + 1)) != null) {
				throw new BenchmarkException("Option --" + name + " is given twice; give it once.");
			}
		}
		return new BenchmarkOptions(accepted, values);
	}

	private static String usage(List<String> names) {
		return "The options are --" + String.join("=…, --", names) + "=….";
	}

	/**
	 * The value of an option, if it was given.
	 * @param name the option's name
	 * @return its value, or empty
	 */
	public Optional<String> string(String name) {
		checkDeclared(name);
		return Optional.ofNullable(this.values.get(name));
	}

	/**
	 * The value of an option, or a default.
	 * @param name the option's name
	 * @param defaultValue the value when the option is not given
	 * @return its value
	 */
	public String string(String name, String defaultValue) {
		return string(name).orElse(defaultValue);
	}

	/**
	 * An option that is an absolute http or https URL; a trailing slash is removed.
	 * @param name the option's name
	 * @param defaultValue the value when the option is not given
	 * @return the URL
	 */
	public URI httpUrl(String name, String defaultValue) {
		String value = string(name, defaultValue);
		String withoutSlash = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
		try {
			URI url = URI.create(withoutSlash);
			if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
				return url;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below, with the option's name
		}
		throw new BenchmarkException("--" + name + "=" + value
				+ " is not an absolute http or https URL; give one such as http://localhost:8082.");
	}

	/**
	 * An option that is a number greater than zero.
	 * @param name the option's name
	 * @param defaultValue the value when the option is not given
	 * @return the number
	 */
	public double positiveNumber(String name, double defaultValue) {
		Optional<String> value = string(name);
		if (value.isEmpty()) {
			return defaultValue;
		}
		try {
			double number = Double.parseDouble(value.get());
			if (number > 0 && Double.isFinite(number)) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, with the option's name
		}
		throw new BenchmarkException(
				"--" + name + "=" + value.get() + " is not a number greater than zero; give one such as 100 or 2.5.");
	}

	/**
	 * An option that is a number of seconds, such as {@code 60}, {@code 60s} or
	 * {@code 0.5}; zero is allowed.
	 * @param name the option's name
	 * @param defaultValue the value when the option is not given
	 * @return the duration
	 */
	public Duration seconds(String name, Duration defaultValue) {
		Optional<String> value = string(name);
		if (value.isEmpty()) {
			return defaultValue;
		}
		String number = value.get().endsWith("s") ? value.get().substring(0, value.get().length() - 1) : value.get();
		try {
			double seconds = Double.parseDouble(number);
			if (seconds >= 0 && Double.isFinite(seconds)) {
				return Duration.ofNanos(Math.round(seconds * 1e9));
			}
		}
		catch (NumberFormatException ex) {
			// reported below, with the option's name
		}
		throw new BenchmarkException(
				"--" + name + "=" + value.get() + " is not a number of seconds; give one such as 60, 60s or 0.5.");
	}

	private void checkDeclared(String name) {
		if (!this.names.contains(name)) {
			throw new IllegalArgumentException("Option " + name + " is read but not declared in parse(…)");
		}
	}

}
