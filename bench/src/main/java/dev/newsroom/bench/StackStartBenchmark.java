package dev.newsroom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

import dev.newsroom.bench.harness.BenchmarkException;
import dev.newsroom.bench.harness.BenchmarkOptions;
import dev.newsroom.bench.harness.JvmDescription;

/**
 * Local stack start-up: the time from launching {@code local-stack.jar} (everything
 * built) to every service healthy, which the launcher marks by printing "Newsroom is up",
 * and the total resident memory (RSS) of the launcher and all its child JVMs, once when
 * the stack is up and again after it has settled. Two settings run side by side, in
 * alternating order, in one run:
 * <ul>
 * <li>{@code before}: the launcher as it was, with the JVM's default heap, and services
 * with {@code -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}, started from
 * their jars;</li>
 * <li>{@code after}: the launcher with the flags {@code ./run-local} gives it, and
 * services with the launcher's own defaults, started from their class-data archive (AOT
 * cache on JDK 25).</li>
 * </ul>
 * Each setting keeps its own data folder under {@code --work}; its first start (the
 * broker's format and, for {@code after}, the archives' training) is reported apart from
 * the measured ones. The stack's ports must be free.
 * <p>
 * Options: {@code --runs=} (measured starts per setting, 3), {@code --settle=} (seconds
 * to wait before the second memory reading, 20), {@code --repository=} (.),
 * {@code --work=} (bench/target/stack-start). Exits with 0 when every start succeeded, 1
 * when one did not, 2 when it could not run.
 */
public final class StackStartBenchmark {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	private static final String UP = "Newsroom is up";

	private StackStartBenchmark() {
	}

	/**
	 * One way to run the stack.
	 *
	 * @param name its name in the report
	 * @param launcherFlags the launcher JVM's options
	 * @param properties the launcher's system properties, which set the services' JVMs
	 */
	record Setting(String name, List<String> launcherFlags, List<String> properties) {
	}

	static final Setting BEFORE = new Setting("before", List.of(),
			List.of("-Dnewsroom.service-jvm-options=-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
					"-Dnewsroom.cds=false"));

	static final Setting AFTER = new Setting("after",
			List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError"), List.of());

	/**
	 * One start of the stack.
	 *
	 * @param seconds from launch to every service healthy
	 * @param rssAtUpMib total RSS when the stack was up
	 * @param rssSettledMib total RSS after settling
	 * @param processes how many JVMs the stack ran
	 */
	record Start(double seconds, double rssAtUpMib, double rssSettledMib, int processes) {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		try {
			BenchmarkOptions options = BenchmarkOptions.parse(args, "runs", "settle", "repository", "work");
			int runs = Integer.parseInt(options.string("runs", "3"));
			Duration settle = Duration.ofSeconds(Long.parseLong(options.string("settle", "20")));
			Path repository = Path.of(options.string("repository", ".")).toAbsolutePath().normalize();
			Path work = Path.of(options.string("work", repository.resolve("bench/target/stack-start").toString()));
			Path jar = repository.resolve("local-stack/target/local-stack.jar");
			if (!Files.isRegularFile(jar)) {
				throw new BenchmarkException("No " + jar + ": build first with ./mvnw -DskipTests package");
			}
			JvmDescription jvm = JvmDescription.current();
			out.printf("Stack start: %d measured start(s) per setting after one first start, settle %d s, on %s %s, "
					+ "%d processors%n", runs, settle.toSeconds(), jvm.vm(), jvm.version(), jvm.processors());
			List<Setting> settings = List.of(BEFORE, AFTER);
			List<List<Start>> results = new ArrayList<>();
			for (Setting setting : settings) {
				Path home = work.resolve(setting.name());
				deleteRecursively(home);
				Start first = start(jar, repository, home, setting, settle);
				out.printf("%-7s first start (format%s): %.1f s%n", setting.name(),
						(setting == AFTER) ? ", archive training" : "", first.seconds());
				results.add(new ArrayList<>());
			}
			for (int round = 0; round < runs; round++) {
				for (int i = 0; i < settings.size(); i++) {
					// Alternate the order so that neither setting always runs on a warmer
					// machine.
					int index = (round % 2 == 0) ? i : settings.size() - 1 - i;
					Setting setting = settings.get(index);
					Start measured = start(jar, repository, work.resolve(setting.name()), setting, settle);
					results.get(index).add(measured);
					out.printf("%-7s start %d: %.1f s to healthy, RSS %.0f MiB when up, %.0f MiB settled, %d JVMs%n",
							setting.name(), round + 1, measured.seconds(), measured.rssAtUpMib(),
							measured.rssSettledMib(), measured.processes());
				}
			}
			out.println();
			for (int i = 0; i < settings.size(); i++) {
				Setting setting = settings.get(i);
				List<Start> starts = results.get(i);
				out.printf(
						"%-7s median start %.1f s (min %.1f, max %.1f); median RSS %.0f MiB when up, %.0f MiB "
								+ "settled%n",
						setting.name(), median(starts.stream().mapToDouble(Start::seconds)),
						starts.stream().mapToDouble(Start::seconds).min().orElse(0),
						starts.stream().mapToDouble(Start::seconds).max().orElse(0),
						median(starts.stream().mapToDouble(Start::rssAtUpMib)),
						median(starts.stream().mapToDouble(Start::rssSettledMib)));
				out.printf("        launcher flags: %s%n        launcher properties: %s%n",
						setting.launcherFlags().isEmpty() ? "(JVM defaults)"
								: String.join(" ", setting.launcherFlags()),
						setting.properties().isEmpty()
								? "(defaults: see LocalStackSettings.DEFAULT_JVM_OPTIONS, CDS on)"
								: String.join(" ", setting.properties()));
			}
			out.printf("Benchmark JVM flags: %s%n", String.join(" ", jvm.flags()));
			return 0;
		}
		catch (BenchmarkException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		catch (IOException | RuntimeException ex) {
			err.println("A start failed: " + ex.getMessage());
			return 1;
		}
	}

	private static Start start(Path jar, Path repository, Path home, Setting setting, Duration settle)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(setting.launcherFlags());
		command.addAll(setting.properties());
		command.add("-Dnewsroom.home=" + home);
		command.add("-Dnewsroom.repository=" + repository);
		command.addAll(List.of("-jar", jar.toString()));
		long launched = System.nanoTime();
		Process launcher = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
		CompletableFuture<Long> up = new CompletableFuture<>();
		List<String> tail = new ArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.contains(UP)) {
						up.complete(System.nanoTime());
					}
					synchronized (tail) {
						tail.add(line);
						if (tail.size() > 20) {
							tail.remove(0);
						}
					}
				}
			}
			catch (IOException ex) {
				up.completeExceptionally(ex);
			}
			up.completeExceptionally(new IllegalStateException("the launcher ended before the stack was up"));
		}, "launcher-output");
		reader.setDaemon(true);
		reader.start();
		try {
			long upAt = up.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			double seconds = (upAt - launched) / 1e9;
			double rssAtUp = totalRssMib(launcher.toHandle());
			int processes = 1 + (int) launcher.toHandle().descendants().filter(StackStartBenchmark::isJava).count();
			launcher.waitFor(settle.toMillis(), TimeUnit.MILLISECONDS);
			double rssSettled = totalRssMib(launcher.toHandle());
			return new Start(seconds, rssAtUp, rssSettled, processes);
		}
		catch (Exception ex) {
			synchronized (tail) {
				throw new IllegalStateException(setting.name() + ": " + ex.getMessage()
						+ "; the launcher's last lines:\n" + String.join("\n", tail), ex);
			}
		}
		finally {
			stop(launcher);
		}
	}

	private static boolean isJava(ProcessHandle process) {
		return process.info().command().map((command) -> command.endsWith("/java")).orElse(false);
	}

	private static void stop(Process launcher) {
		List<ProcessHandle> children = launcher.toHandle().descendants().toList();
		launcher.destroy();
		try {
			if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
				launcher.destroyForcibly();
			}
			for (ProcessHandle child : children) {
				child.onExit().get(60, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			children.forEach(ProcessHandle::destroyForcibly);
		}
	}

	private static double totalRssMib(ProcessHandle launcher) {
		long kib = rssKib(launcher.pid()) + launcher.descendants().mapToLong((process) -> rssKib(process.pid())).sum();
		return kib / 1024.0;
	}

	private static long rssKib(long pid) {
		try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
			return lines.filter((line) -> line.startsWith("VmRSS:"))
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElse(0L);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static double median(DoubleStream values) {
		double[] sorted = values.sorted().toArray();
		if (sorted.length == 0) {
			return 0;
		}
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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
