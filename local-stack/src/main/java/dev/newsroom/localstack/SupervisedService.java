package dev.newsroom.localstack;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service instance that the launcher keeps running: when its process exits without
 * having been asked to, the crash is logged with the exit code and the last lines of the
 * log, and the instance is started again after a backoff, until the {@link RestartPolicy}
 * gives up on it.
 */
final class SupervisedService {

	private static final Logger logger = LoggerFactory.getLogger("local-stack");

	/** What a status line says of an instance. */
	enum State {

		STARTING("starting"), UP("up"), RESTARTING("restarting"), GIVEN_UP("given up"), STOPPED("stopped");

		private final String label;

		State(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

	private final ServiceInstance instance;

	private final RestartPolicy policy;

	private final RestartPolicy.CrashHistory crashes;

	private final ScheduledExecutorService scheduler;

	private final Executor healthChecks;

	private final Duration startTimeout;

	private final Runnable onChange;

	private final Clock clock;

	private ServiceProcess process;

	private State state = State.STARTING;

	private int restarts;

	private boolean supervised;

	private boolean stopRequested;

	SupervisedService(ServiceInstance instance, RestartPolicy policy, ScheduledExecutorService scheduler,
			Executor healthChecks, Duration startTimeout, Runnable onChange, Clock clock) {
		this.instance = instance;
		this.policy = policy;
		this.crashes = policy.newHistory();
		this.scheduler = scheduler;
		this.healthChecks = healthChecks;
		this.startTimeout = startTimeout;
		this.onChange = onChange;
		this.clock = clock;
	}

	/**
	 * Starts the first process. It is not restarted if it exits before it has been
	 * healthy once: that is a failure to start, for {@link #awaitFirstStart} to report.
	 * @throws IOException if the JVM cannot be started
	 */
	synchronized void start() throws IOException {
		launch(false);
	}

	/**
	 * Waits for the first process to be healthy; from then on, crashes are restarted.
	 * @throws IllegalStateException if it exits or is not healthy in time
	 */
	void awaitFirstStart() {
		ServiceProcess first;
		synchronized (this) {
			first = this.process;
		}
		first.awaitHealthy(this.startTimeout);
		synchronized (this) {
			this.supervised = true;
			if (this.process == first && first.isAlive()) {
				this.state = State.UP;
			}
		}
		this.onChange.run();
	}

	private void launch(boolean restart) throws IOException {
		ServiceProcess started = ServiceProcess.start(this.instance, restart);
		this.process = started;
		this.state = restart ? State.STARTING : this.state;
		started.exit().thenAccept((code) -> exited(started, code));
	}

	private void exited(ServiceProcess exited, int code) {
		synchronized (this) {
			if (this.process != exited || this.stopRequested || !this.supervised) {
				return;
			}
		}
		List<String> lastLines = exited.lastLines();
		RestartPolicy.Decision decision;
		synchronized (this) {
			if (this.process != exited || this.stopRequested) {
				return;
			}
			decision = this.crashes.crashed(this.clock.instant());
			this.state = decision.giveUp() ? State.GIVEN_UP : State.RESTARTING;
		}
		logger.error("{} (pid {}) exited unexpectedly with code {}{}. The last lines of {}:{}{}", this.instance.id(),
				exited.pid(), code, describe(code), this.instance.logFile(), System.lineSeparator(),
				String.join(System.lineSeparator(), lastLines.stream().map((line) -> "    " + line).toList()));
		if (decision.giveUp()) {
			logger.error(
					"{} crashed {} times within {} minutes; the local stack stops restarting it and leaves the rest "
							+ "running. Find the cause in {}, then restart the stack.",
					this.instance.id(), decision.crashesInWindow(), this.policy.window().toMinutes(),
					this.instance.logFile());
		}
		else {
			logger.warn("Restarting {} in {} ms (crash {} of at most {} within the window)", this.instance.id(),
					decision.backoff().toMillis(), decision.crashesInWindow(), this.policy.maxCrashes());
			this.scheduler.schedule(this::restart, decision.backoff().toMillis(), TimeUnit.MILLISECONDS);
		}
		this.onChange.run();
	}

	private static String describe(int code) {
		if (code > 128 && code < 160) {
			return " (killed by signal " + (code - 128) + ")";
		}
		return "";
	}

	private void restart() {
		ServiceProcess restarted;
		synchronized (this) {
			if (this.stopRequested) {
				return;
			}
			try {
				launch(true);
				this.restarts++;
			}
			catch (IOException ex) {
				logger.error("Could not restart {}: {}", this.instance.id(), ex.getMessage());
				this.state = State.GIVEN_UP;
				this.onChange.run();
				return;
			}
			restarted = this.process;
		}
		this.onChange.run();
		this.healthChecks.execute(() -> {
			try {
				restarted.awaitHealthy(this.startTimeout);
				synchronized (this) {
					if (this.process != restarted || this.stopRequested) {
						return;
					}
					this.state = State.UP;
				}
				logger.info("{} is up again at {} (pid {})", this.instance.id(), this.instance.url(), restarted.pid());
				this.onChange.run();
			}
			catch (IllegalStateException ex) {
				// An exit is handled as a crash; a hang is only reported.
				if (restarted.isAlive()) {
					logger.warn("{}", ex.getMessage());
				}
			}
		});
	}

	/**
	 * Stops the instance and keeps it stopped. Its exit is not a crash.
	 */
	void stop() {
		ServiceProcess current;
		synchronized (this) {
			this.stopRequested = true;
			current = this.process;
		}
		if (current != null) {
			current.stop();
		}
		synchronized (this) {
			this.state = State.STOPPED;
		}
	}

	ServiceInstance instance() {
		return this.instance;
	}

	synchronized State state() {
		return this.state;
	}

	synchronized int restarts() {
		return this.restarts;
	}

	/**
	 * @return the process id of the current run
	 */
	synchronized long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

}
