package dev.newsroom.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeepAliveConnection}, {@link ClosedLoopLoad} and {@link NoContentServer} against
 * the JDK's HTTP server on 127.0.0.1: answers framed by length, chunked and empty, read
 * whole so that the next request on the same connection gets its own answer.
 */
class KeepAliveConnectionTests {

	private final AtomicInteger answers = new AtomicInteger();

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 16);
		this.server.createContext("/length", (exchange) -> answer(exchange.getRequestBody(), exchange, 202, false));
		this.server.createContext("/chunked", (exchange) -> answer(exchange.getRequestBody(), exchange, 429, true));
		this.server.setExecutor(null);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void readsAnswersByLengthAndChunkedOnOneConnection() throws IOException {
		try (KeepAliveConnection connection = new KeepAliveConnection("localhost",
				this.server.getAddress().getPort())) {
			assertThat(connection.send(request("/length", "{\"n\":1}"))).isEqualTo(202);
			assertThat(connection.send(request("/chunked", "{\"n\":2}"))).isEqualTo(429);
			assertThat(connection.send(request("/length", ""))).isEqualTo(202);
			assertThat(connection.send(request("/missing", "x"))).isEqualTo(404);
			assertThat(connection.send(request("/length", "{\"n\":3}"))).isEqualTo(202);
		}
	}

	@Test
	void closedLoopLoadCountsEveryAnswerOfTheMinimalServer() throws InterruptedException {
		try (NoContentServer minimal = NoContentServer.start(2)) {
			ClosedLoopLoad.Result result = ClosedLoopLoad.run("localhost", minimal.port(), 2, Duration.ofMillis(300),
					(n) -> request("/anything", "{\"n\":" + n + "}"));
			assertThat(result.statuses()).containsOnlyKeys(204);
			assertThat(result.statuses().get(204)).isPositive();
			assertThat(result.failures()).isZero();
			assertThat(result.perSecond(204)).isPositive();
			assertThat(result.describeStatuses()).startsWith("204: ");
		}
	}

	private byte[] request(String path, String body) {
		return KeepAliveConnection.request("POST", "localhost", path, List.of("Content-Type: application/json"), body);
	}

	private void answer(InputStream request, HttpExchange exchange, int status, boolean chunked) throws IOException {
		byte[] read = request.readAllBytes();
		byte[] body = ("{\"read\":" + read.length + ",\"answer\":" + this.answers.incrementAndGet() + "}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
