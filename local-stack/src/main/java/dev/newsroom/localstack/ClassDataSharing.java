package dev.newsroom.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spring Boot's class-data sharing support for faster starts, or, on JDK 25 and later,
 * the JVM's AOT cache: each service's jar is extracted once per build
 * ({@code -Djarmode=tools extract}), and a training run that stops right after the
 * application context is refreshed ({@code -Dspring.context.exit=onRefresh}) writes the
 * JVM's archive of the classes it loaded ({@code -XX:ArchiveClassesAtExit}). Later starts
 * map that archive instead of loading and verifying the classes again. Everything is kept
 * under {@code .newsroom/cds/<service>/} and redone when the jar or the JDK changes. If a
 * step fails, the service simply starts from its jar.
 */
final class ClassDataSharing {

	private static final Logger logger = LoggerFactory.getLogger("local-stack");

	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);

	/**
	 * From JDK 25 on, the AOT cache (JEP 483, 514, 515) holds the classes loaded and
	 * linked, and the method profiles, of the training run: more than a class-data
	 * archive, for a faster start.
	 */
	private static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

	private final Path cacheDir;

	/**
	 * @param cacheDir where the extracted jars and archives are kept
	 */
	ClassDataSharing(Path cacheDir) {
		this.cacheDir = cacheDir;
	}

	/**
	 * The instance launched from its extracted jar and archive, training them first if
	 * they are missing or stale.
	 * @param instance the instance as it would run from its jar
	 * @param jar the service's executable jar
	 * @param training properties that replace the instance's own in the training run, so
	 * that it leaves nothing behind (such as a first-start password)
	 * @return the instance to run, which is the given one if the archive cannot be made
	 */
	ServiceInstance prepare(ServiceInstance instance, Path jar, Map<String, String> training) {
		Path dir = this.cacheDir.resolve(instance.service());
		Path extractedJar = dir.resolve("app").resolve(jar.getFileName());
		Path archive = dir.resolve(AOT_CACHE ? "app.aot" : "app.jsa");
		try {
			String source = sourceOf(jar);
			Path sourceFile = dir.resolve("source");
			boolean current = Files.exists(archive) && Files.exists(sourceFile)
					&& Files.readString(sourceFile, StandardCharsets.UTF_8).equals(source);
			if (!current) {
				long started = System.nanoTime();
				logger.info("Preparing a class-data archive for {}: once per build, for faster starts",
						instance.service());
				deleteRecursively(dir);
				Files.createDirectories(dir);
				run(dir, "extract", List.of(javaCommand(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
						"--destination", dir.resolve("app").toString()));
				List<String> trainingCommand = new ArrayList<>();
				trainingCommand.add(javaCommand());
				trainingCommand.addAll(instance.jvmOptions());
				trainingCommand.add((AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive);
				trainingCommand.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", extractedJar.toString()));
				Map<String, String> properties = new LinkedHashMap<>(instance.properties());
				properties.putAll(training);
				properties.forEach((key, value) -> trainingCommand.add("--" + key + "=" + value));
				run(dir, "training", trainingCommand, instance.environment());
				if (!Files.exists(archive)) {
					throw new IOException("the training run wrote no archive; see " + dir.resolve("training.log"));
				}
				Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
				logger.info("Class-data archive for {} ready in {} ms", instance.service(),
						Duration.ofNanos(System.nanoTime() - started).toMillis());
			}
		}
		catch (IOException ex) {
			logger.warn("{} starts without class-data sharing ({}); it works, only more slowly", instance.service(),
					ex.getMessage());
			return instance;
		}
		List<String> jvmOptions = new ArrayList<>(instance.jvmOptions());
		jvmOptions.add((AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
		jvmOptions.add("-Xlog:cds=off");
		jvmOptions.add("-Xlog:cds+dynamic=off");
		return instance.launchedWith(jvmOptions, List.of("-jar", extractedJar.toString()));
	}

	/**
	 * What the archive was made from: the jar as built, and the JDK that reads it.
	 */
	private static String sourceOf(Path jar) throws IOException {
		return jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
				+ System.getProperty("java.home") + " " + Runtime.version();
	}

	private static void run(Path dir, String step, List<String> command) throws IOException {
		run(dir, step, command, Map.of());
	}

	private static void run(Path dir, String step, List<String> command, Map<String, String> environment)
			throws IOException {
		Path log = dir.resolve(step + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			if (!process.waitFor(TRAINING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IOException("the " + step + " step took longer than " + TRAINING_TIMEOUT.toMinutes()
						+ " minutes; see " + log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("interrupted during the " + step + " step", ex);
		}
		if (process.exitValue() != 0) {
			throw new IOException("the " + step + " step exited with code " + process.exitValue() + "; see " + log);
		}
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
