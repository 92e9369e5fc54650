package dev.newsroom.notifier.channels.telegram;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local HTTP server that answers {@code sendMessage} as the Telegram Bot API documents
 * it: {@code {"ok":true,"result":Message}} on success, and {@code {"ok":false,
 * "error_code":N,"description":"..."}} on failure: 401 for a wrong token, 400 for an
 * unknown chat or unparsable HTML entities, and 429 with {@code parameters.retry_after}
 * when told to throttle. Records every request it receives.
 */
public final class FakeTelegramBotApi implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final String token;

	private final String chatUsername;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Deque<Integer> throttles = new ArrayDeque<>();

	private final AtomicLong messageIds = new AtomicLong(100);

	/**
	 * A request as received.
	 *
	 * @param path the request path
	 * @param body the JSON body
	 */
	public record Request(String path, JsonNode body) {
	}

	public FakeTelegramBotApi(String token, String chatUsername) throws IOException {
		this.token = token;
		this.chatUsername = chatUsername;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * @return the base URL to configure as the Bot API URL
	 */
	public String url() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	/**
	 * Answers the next {@code sendMessage} with 429 Too Many Requests.
	 * @param retryAfterSeconds the {@code retry_after} to send
	 */
	public synchronized void throttleNext(int retryAfterSeconds) {
		this.throttles.add(retryAfterSeconds);
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	public void reset() {
		this.requests.clear();
		synchronized (this) {
			this.throttles.clear();
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		JsonNode body;
		try {
			body = json.readTree(exchange.getRequestBody().readAllBytes());
		}
		catch (RuntimeException ex) {
			respond(exchange, 400, error(400, "Bad Request: message text is empty"));
			return;
		}
		this.requests.add(new Request(path, body));
		if (!path.startsWith("/bot" + this.token + "/")) {
			respond(exchange, 401, error(401, "Unauthorized"));
			return;
		}
		if (!path.endsWith("/sendMessage") || !"POST".equals(exchange.getRequestMethod())) {
			respond(exchange, 404, error(404, "Not Found"));
			return;
		}
		Integer retryAfter;
		synchronized (this) {
			retryAfter = this.throttles.poll();
		}
		if (retryAfter != null) {
			ObjectNode tooMany = error(429, "Too Many Requests: retry after " + retryAfter);
			tooMany.putObject("parameters").put("retry_after", retryAfter);
			respond(exchange, 429, tooMany);
			return;
		}
		String chatId = body.path("chat_id").asString("");
		if (!chatId.equals("@" + this.chatUsername)) {
			respond(exchange, 400, error(400, "Bad Request: chat not found"));
			return;
		}
		String text = body.path("text").asString("");
		if (text.isBlank()) {
			respond(exchange, 400, error(400, "Bad Request: message text is empty"));
			return;
		}
		if ("HTML".equals(body.path("parse_mode").asString()) && !entitiesParse(text)) {
			respond(exchange, 400, error(400, "Bad Request: can't parse entities: unsupported start tag"));
			return;
		}
		ObjectNode ok = json.createObjectNode().put("ok", true);
		ObjectNode message = ok.putObject("result");
		message.put("message_id", this.messageIds.incrementAndGet());
		message.putObject("chat")
			.put("id", -1001234567890L)
			.put("title", "Newsroom")
			.put("username", this.chatUsername)
			.put("type", "channel");
		message.put("date", System.currentTimeMillis() / 1000);
		message.put("text", text);
		respond(exchange, 200, ok);
	}

	/**
	 * Telegram's HTML mode accepts only a few tags and the entities &amp;lt; &amp;gt;
	 * &amp;amp; &amp;quot;; a bare {@code <} or {@code &} outside them is refused.
	 */
	private static boolean entitiesParse(String text) {
		String withoutTags = text.replaceAll("</?(b|strong|i|em|u|s|code|pre)>", "")
			.replaceAll("<a href=\"[^\"<>]*\">", "")
			.replace("</a>", "");
		String withoutEntities = withoutTags.replaceAll("&(lt|gt|amp|quot);", "");
		return !withoutEntities.contains("<") && !withoutEntities.contains(">") && !withoutEntities.contains("&");
	}

	private static ObjectNode error(int code, String description) {
		return json.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
	}

	private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = json.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
