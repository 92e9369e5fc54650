package dev.newsroom.publisher.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a running publisher's API over HTTP as one signed-in account.
 */
public final class PublisherClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final String authorization;

	private PublisherClient(String baseUrl, String authorization) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
	}

	/**
	 * Signs in with the account's password and uses the API token it gets.
	 * @param port the publisher's port
	 * @param account one of {@link Editors}
	 * @return a client
	 */
	public static PublisherClient signIn(int port, String account) {
		PublisherClient basic = basic(port, account, Editors.password(account));
		HttpResponse<String> token = basic.send("POST", "/api/tokens", null);
		if (token.statusCode() != 201) {
			throw new IllegalStateException(
					"Sign-in of " + account + " answered " + token.statusCode() + ": " + token.body());
		}
		return new PublisherClient("http://localhost:" + port, "Bearer " + read(token).path("token").asString());
	}

	/**
	 * @param port the publisher's port
	 * @param account an account name
	 * @param password a password, right or wrong
	 * @return a client that sends HTTP Basic credentials
	 */
	public static PublisherClient basic(int port, String account, String password) {
		return new PublisherClient("http://localhost:" + port, "Basic "
				+ Base64.getEncoder().encodeToString((account + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * @param port the publisher's port
	 * @param authorization the Authorization header, or {@code null} for none
	 * @return a client
	 */
	public static PublisherClient withAuthorization(int port, String authorization) {
		return new PublisherClient("http://localhost:" + port, authorization);
	}

	/**
	 * Sends a request.
	 * @param method the method
	 * @param path the path
	 * @param body a JSON body, or {@code null}
	 * @param headers further headers, as name-value pairs
	 * @return the answer
	 */
	public HttpResponse<String> send(String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param response an answer
	 * @return its JSON body
	 */
	public static JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
