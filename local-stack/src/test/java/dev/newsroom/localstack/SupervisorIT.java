package dev.newsroom.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The launcher's supervision, with real child JVMs that stand in for the services
 * ({@link FixtureService}), killed for real.
 */
class SupervisorIT {

	private static final RestartPolicy FAST = new RestartPolicy(5, Duration.ofMinutes(5), Duration.ofMillis(100),
			Duration.ofMillis(400));

	@TempDir
	Path home;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private Supervisor supervisor;

	@BeforeEach
	void captureTheLaunchersLog() {
		this.log.start();
		launcherLogger().addAppender(this.log);
		this.supervisor = new Supervisor(FAST, Duration.ofSeconds(60),
				new StatusFile(this.home.resolve("status"), ProcessHandle.current().pid()));
	}

	@AfterEach
	void stopEverything() {
		this.supervisor.close();
		launcherLogger().detachAppender(this.log);
	}

	@Test
	void aServiceKilledHardIsReportedAndRestarted() throws Exception {
		SupervisedService notifier = startFixture("notifier", 1);
		long firstPid = notifier.pid();

		ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(notifier.state()).isEqualTo(SupervisedService.State.UP);
			assertThat(notifier.pid()).isNotEqualTo(firstPid);
		});
		assertThat(notifier.restarts()).isEqualTo(1);
		assertThat(ProcessHandle.of(notifier.pid()).map(ProcessHandle::isAlive)).contains(true);
		assertThat(errors()).singleElement()
			.asString()
			.contains("notifier-1 (pid " + firstPid + ") exited unexpectedly with code 137 (killed by signal 9)")
			.contains("fixture listening on " + notifier.instance().port());
		assertThat(messages()).anyMatch((message) -> message.startsWith("notifier-1 is up again"));
		assertThat(Files.readString(this.home.resolve("status")))
			.containsPattern("notifier-1\\s+up\\s+" + notifier.pid() + "\\s+1\\s+" + notifier.instance().url());
	}

	@Test
	void aServiceThatCrashesFiveTimesInFiveMinutesIsGivenUpOnAndTheRestKeepsRunning() throws Exception {
		Path broken = this.home.resolve("broken");
		SupervisedService publisher = startFixture("publisher", 1);
		SupervisedService viewCounter = startFixture("view-counter", 1, "--fixture.crash-if-exists=" + broken);
		Files.createFile(broken);

		ProcessHandle.of(viewCounter.pid()).orElseThrow().destroyForcibly();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(viewCounter.state()).isEqualTo(SupervisedService.State.GIVEN_UP));
		assertThat(viewCounter.restarts()).isEqualTo(4);
		assertThat(errors()).filteredOn((message) -> message.contains("exited unexpectedly")).hasSize(5);
		assertThat(errors()).last()
			.asString()
			.contains("view-counter-1 crashed 5 times within 5 minutes; the local stack stops restarting it");
		assertThat(errors()).filteredOn((message) -> message.contains("with code 3"))
			.allMatch((message) -> message.contains("fixture failing on purpose with code 3"));
		assertThat(publisher.state()).isEqualTo(SupervisedService.State.UP);
		assertThat(ProcessHandle.of(publisher.pid()).map(ProcessHandle::isAlive)).contains(true);
		assertThat(Files.readString(this.home.resolve("status"))).containsPattern("view-counter-1\\s+given up");
	}

	@Test
	void aStopTheLauncherAskedForIsNeverTakenForACrash() throws Exception {
		SupervisedService registry = startFixture("schema-registry", 1);
		long pid = registry.pid();

		registry.stop();

		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
			assertThat(registry.state()).isEqualTo(SupervisedService.State.STOPPED);
			assertThat(registry.pid()).isEqualTo(pid);
			assertThat(errors()).isEmpty();
		});
	}

	@Test
	void processesLeftByAKilledLauncherAreFoundAndStoppedAndOtherFoldersAreLeftAlone() throws Exception {
		Path otherHome = Files.createDirectory(this.home.resolve("other-folder"));
		ServiceProcess leftover = ServiceProcess.start(fixture("publisher", 1, this.home), false);
		ServiceProcess neighbour = ServiceProcess.start(fixture("publisher", 1, otherHome), false);
		try {
			leftover.awaitHealthy(Duration.ofSeconds(30));
			neighbour.awaitHealthy(Duration.ofSeconds(30));

			assertThat(LeftoverProcesses.find(this.home)).extracting(ProcessHandle::pid)
				.containsExactly(leftover.pid());
			assertThat(LeftoverProcesses.stopAll(this.home)).isEqualTo(1);

			assertThat(leftover.isAlive()).isFalse();
			assertThat(neighbour.isAlive()).isTrue();
			assertThat(messages()).anyMatch((message) -> message.equals("Stopping publisher-1 (pid " + leftover.pid()
					+ "), left running by a launcher that ended " + "without stopping it"));
		}
		finally {
			neighbour.stop();
			leftover.stop();
		}
	}

	@Test
	void aSecondLauncherInTheSameFolderIsRefusedUntilTheFirstIsGoneEvenAfterKill9() throws Exception {
		Process holder = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
				FixtureLockHolder.class.getName(), this.home.toString())
			.redirectErrorStream(true)
			.start();
		try {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(StackLock.holder(this.home)).startsWith("pid " + holder.pid() + ","));
			assertThat(StackLock.isHeld(this.home)).isTrue();

			assertThatExceptionOfType(StackLock.AlreadyRunningException.class)
				.isThrownBy(() -> StackLock.acquire(this.home))
				.withMessageContaining("Newsroom is already running in this folder (launcher pid " + holder.pid());

			holder.destroyForcibly().waitFor();
			StackLock lock = StackLock.acquire(this.home);
			try {
				assertThat(StackLock.holder(this.home)).startsWith("pid " + ProcessHandle.current().pid() + ",");
			}
			finally {
				lock.close();
			}
		}
		finally {
			holder.destroyForcibly();
		}
	}

	@Test
	void aPortInUseIsNamedWithTheServiceThatWantsIt() throws Exception {
		try (ServerSocket taken = new ServerSocket(0)) {
			assertThatIllegalStateException()
				.isThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "publisher-1", "newsroom.publisher.port"))
				.withMessage("Port " + taken.getLocalPort() + ", which publisher-1 needs, is already in use by another "
						+ "program. Stop that program, or give publisher-1 another port with "
						+ "-Dnewsroom.publisher.port=<port>.");
		}
	}

	private SupervisedService startFixture(String service, int index, String... arguments) throws IOException {
		SupervisedService started = this.supervisor.start(fixture(service, index, this.home, arguments));
		started.awaitFirstStart();
		return started;
	}

	private static ServiceInstance fixture(String service, int index, Path home, String... arguments)
			throws IOException {
		List<String> launch = new ArrayList<>(
				List.of("-cp", System.getProperty("java.class.path"), FixtureService.class.getName()));
		launch.addAll(List.of(arguments));
		return new ServiceInstance(service, index, freePort(), List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"), launch,
				Map.of(), Map.of(), home);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private List<String> errors() {
		synchronized (this.log) {
			return this.log.list.stream()
				.filter((event) -> event.getLevel() == Level.ERROR)
				.map(ILoggingEvent::getFormattedMessage)
				.toList();
		}
	}

	private List<String> messages() {
		// The appender adds events while holding its own lock.
		synchronized (this.log) {
			return this.log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		}
	}

	private static Logger launcherLogger() {
		return (Logger) LoggerFactory.getLogger("local-stack");
	}

}
