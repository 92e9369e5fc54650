package dev.newsroom.localstack;

import java.nio.file.Path;

/**
 * Another launcher, in its own JVM: takes the stack lock of the folder given as its
 * argument, says so, and holds it until it is killed.
 */
public final class FixtureLockHolder {

	private FixtureLockHolder() {
	}

	public static void main(String[] args) throws Exception {
		StackLock lock = StackLock.acquire(Path.of(args[0]));
		System.out.println("holding " + lock);
		Thread.currentThread().join();
	}

}
