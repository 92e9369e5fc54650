package dev.newsroom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publisher's sign-in and publish endpoints as the benchmarks' contract describes
 * them, on an in-process JDK HTTP server on the loopback address: it answers 201 only to
 * well-formed requests, 409 to a slug it has seen, and keeps what it received.
 */
final class FakePublisher implements AutoCloseable {

	static final String TOKEN = "nr_test-token";

	private final HttpServer server;

	private final String basicCredentials;

	private final int signInStatus;

	private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

	private final Set<String> slugs = ConcurrentHashMap.newKeySet();

	private final List<Integer> publishAnswers = new CopyOnWriteArrayList<>();

	private volatile int refusal;

	/**
	 * Starts a fake publisher.
	 * @param basicCredentials the {@code Authorization} value sign-in accepts
	 * @param signInStatus what sign-in answers to those credentials; anything else
	 * answers 401
	 */
	FakePublisher(String basicCredentials, int signInStatus) throws IOException {
		this.basicCredentials = basicCredentials;
		this.signInStatus = signInStatus;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/api/tokens", this::signIn);
		this.server.createContext("/api/articles", this::publish);
		this.server.start();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	List<String> idempotencyKeys() {
		return this.idempotencyKeys;
	}

	Set<String> slugs() {
		return this.slugs;
	}

	List<Integer> publishAnswers() {
		return this.publishAnswers;
	}

	/**
	 * Makes every publish from now on answer a status, as a publisher in trouble would.
	 */
	void refusePublishesWith(int status) {
		this.refusal = status;
	}

	private void signIn(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		if (!"POST".equals(exchange.getRequestMethod())
				|| !this.basicCredentials.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			answer(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
			return;
		}
		answer(exchange, this.signInStatus, (this.signInStatus == 201)
				? "{\"token\":\"" + TOKEN + "\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}" : "{}");
	}

	private void publish(HttpExchange exchange) throws IOException {
		int status = publishStatus(exchange);
		this.publishAnswers.add(status);
		answer(exchange, status,
				(status == 201) ? "{\"id\":\"a\",\"version\":1}" : "{\"title\":\"Refused\",\"status\":" + status + "}");
	}

	private int publishStatus(HttpExchange exchange) throws IOException {
		JsonNode article;
		try (InputStream body = exchange.getRequestBody()) {
			article = JsonMapper.shared().readTree(body);
		}
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		if (!"POST".equals(exchange.getRequestMethod())
				|| !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			return 401;
		}
		if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type")) || key == null
				|| !article.path("edition").isString() || !article.path("title").isString()
				|| article.path("body").asString("").length() < 2_000 || !article.path("authors").isArray()) {
			return 400;
		}
		this.idempotencyKeys.add(key);
		if (this.refusal != 0) {
			return this.refusal;
		}
		return this.slugs.add(article.path("slug").asString()) ? 201 : 409;
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (var out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
