package dev.newsroom.localstack;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Keeps the stack's service instances running, and writes their status to the status file
 * whenever it changes.
 */
final class Supervisor implements AutoCloseable {

	private final RestartPolicy policy;

	private final Duration startTimeout;

	private final StatusFile statusFile;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "local-stack-restarts");
		thread.setDaemon(true);
		return thread;
	});

	private final ExecutorService healthChecks = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "local-stack-health");
		thread.setDaemon(true);
		return thread;
	});

	private final List<SupervisedService> services = Collections.synchronizedList(new ArrayList<>());

	Supervisor(RestartPolicy policy, Duration startTimeout, StatusFile statusFile) {
		this.policy = policy;
		this.startTimeout = startTimeout;
		this.statusFile = statusFile;
	}

	/**
	 * Starts an instance; call {@link SupervisedService#awaitFirstStart()} on the result.
	 * @param instance what to run
	 * @return the supervised instance
	 * @throws IOException if its JVM cannot be started
	 */
	SupervisedService start(ServiceInstance instance) throws IOException {
		SupervisedService service = new SupervisedService(instance, this.policy, this.scheduler, this.healthChecks,
				this.startTimeout, this::statusChanged, Clock.systemUTC());
		this.services.add(service);
		service.start();
		statusChanged();
		return service;
	}

	List<SupervisedService> services() {
		synchronized (this.services) {
			return List.copyOf(this.services);
		}
	}

	private void statusChanged() {
		this.statusFile.write(services());
	}

	/**
	 * Stops every instance, all at once, in no particular order; none of these exits
	 * counts as a crash.
	 */
	@Override
	public void close() {
		this.scheduler.shutdownNow();
		services().parallelStream().forEach(SupervisedService::stop);
		this.healthChecks.shutdownNow();
		statusChanged();
	}

}
