package dev.newsroom.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;

/**
 * Checks that the ports the stack wants are free before anything is started on them, so
 * that a program already listening there is never mistaken for a healthy service.
 */
final class Ports {

	private Ports() {
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			// As Tomcat and Kafka do: a port whose last connections linger in TIME_WAIT
			// is free.
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * @param port the port
	 * @param owner who wants it, such as {@code publisher-1}
	 * @param property the system property that moves it
	 * @throws IllegalStateException if the port is taken
	 */
	static void requireFree(int port, String owner, String property) {
		if (!isFree(port)) {
			throw new IllegalStateException("Port " + port + ", which " + owner
					+ " needs, is already in use by another program. Stop that program, or give " + owner
					+ " another port with -D" + property + "=<port>.");
		}
	}

	/**
	 * @param from the first port to try
	 * @param taken ports already given to other instances
	 * @return the first free port from {@code from} on that is not taken
	 */
	static int nextFree(int from, Set<Integer> taken) {
		for (int port = from; port < 65536; port++) {
			if (!taken.contains(port) && isFree(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port from " + from + " on");
	}

}
