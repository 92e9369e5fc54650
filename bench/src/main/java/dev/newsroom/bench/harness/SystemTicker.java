package dev.newsroom.bench.harness;

import java.util.concurrent.locks.LockSupport;

/**
 * {@link System#nanoTime()}, waiting with {@link LockSupport#parkNanos(long)}.
 */
enum SystemTicker implements Ticker {

	INSTANCE;

	@Override
	public long nanoTime() {
		return System.nanoTime();
	}

	@Override
	public void parkUntil(long nanoTime) throws InterruptedException {
		long remaining;
		while ((remaining = nanoTime - System.nanoTime()) > 0) {
			LockSupport.parkNanos(remaining);
			if (Thread.interrupted()) {
				throw new InterruptedException("Interrupted while waiting for the next operation's start");
			}
		}
	}

}
