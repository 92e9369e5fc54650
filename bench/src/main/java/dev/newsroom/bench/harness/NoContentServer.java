package dev.newsroom.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The least an HTTP server can do for a request: read it whole and answer 204, on the
 * JDK's own server with a fixed pool of threads. A baseline for throughput benchmarks,
 * run side by side with the server under test.
 */
public final class NoContentServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService threads;

	private NoContentServer(HttpServer server, ExecutorService threads) {
		this.server = server;
		this.threads = threads;
	}

	/**
	 * Starts a server on a free port of the loopback interface.
	 * @param threads how many threads answer requests
	 * @return the running server
	 */
	public static NoContentServer start(int threads) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 1024);
			server.createContext("/", (exchange) -> {
				try (InputStream body = exchange.getRequestBody()) {
					body.transferTo(OutputStream.nullOutputStream());
				}
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			server.setExecutor(pool);
			server.start();
			return new NoContentServer(server, pool);
		}
		catch (IOException ex) {
			throw new BenchmarkException("Cannot start the baseline HTTP server: " + ex.getMessage());
		}
	}

	/**
	 * @return the port it listens on
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
