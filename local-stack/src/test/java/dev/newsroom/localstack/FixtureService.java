package dev.newsroom.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a Newsroom service in the supervisor's tests: a real child JVM that
 * answers {@code /actuator/health} on the port given as {@code --server.port}, as a
 * Spring Boot service does, or, with {@code --fixture.exit-code=N}, prints a line and
 * exits at once with that code, as it also does with
 * {@code --fixture.crash-if-exists=<file>} once that file exists.
 */
public final class FixtureService {

	private FixtureService() {
	}

	public static void main(String[] args) throws IOException {
		int port = 0;
		Integer exitCode = null;
		for (String arg : args) {
			// Crash at start once this file exists: a service that is broken from then
			// on.
			if (arg.startsWith("--fixture.crash-if-exists=")
					&& Files.exists(Path.of(arg.substring("--fixture.crash-if-exists=".length())))) {
				exitCode = 3;
			}
			if (arg.startsWith("--server.port=")) {
				port = Integer.parseInt(arg.substring("--server.port=".length()));
			}
			if (arg.startsWith("--fixture.exit-code=")) {
				exitCode = Integer.valueOf(arg.substring("--fixture.exit-code=".length()));
			}
		}
		if (exitCode != null) {
			System.out.println("fixture failing on purpose with code " + exitCode);
			System.exit(exitCode);
		}
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		server.createContext("/actuator/health", (exchange) -> {
			byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		System.out.println("fixture listening on " + port);
	}

}
