package dev.newsroom.publisher.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends requests to a publisher started on a random port, with or without an
 * {@code Authorization} header, and reads its JSON answers.
 */
final class PublisherClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	PublisherClient(int port) {
		this.base = "http://localhost:" + port;
	}

	HttpResponse<String> get(String path, @Nullable String authorization) {
		return send("GET", path, authorization, null);
	}

	HttpResponse<String> send(String method, String path, @Nullable String authorization, @Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach the publisher at " + this.base, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling the publisher", ex);
		}
	}

	/**
	 * Signs in with HTTP Basic and returns the API token issued.
	 * @param basic the {@code Authorization} header
	 * @return the token
	 */
	String signIn(String basic) {
		HttpResponse<String> response = send("POST", "/api/tokens", basic, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response).path("token").asString();
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

	static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	static List<String> challenges(HttpResponse<String> response) {
		return response.headers().allValues("WWW-Authenticate");
	}

	/**
	 * Asserts that an answer is a problem of a type, and returns it.
	 * @param response the answer
	 * @param status its expected status
	 * @param type its expected type URI
	 * @return the problem
	 */
	static JsonNode problem(HttpResponse<String> response, int status, URI type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		JsonNode problem = json(response);
		assertThat(problem.path("type").asString()).isEqualTo(type.toString());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

}
