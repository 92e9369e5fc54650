package dev.newsroom.console.stories;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.newsroom.console.ConsoleSettings;
import dev.newsroom.console.signin.Editor;

/**
 * The publisher's articles API, called with the signed-in editor's token: it checks every
 * call against the editor's roles, whatever the console shows. A 401 ends the sign-in; a
 * refusal carries the publisher's problem details; anything else says the publisher is
 * unavailable.
 */
@Component
class PublisherApi {

	static final int PAGE_SIZE = 20;

	private final RestClient publisher;

	private final String publisherUrl;

	PublisherApi(RestClient publisherClient, ConsoleSettings settings) {
		this.publisher = publisherClient;
		this.publisherUrl = settings.publisherUrl().toString();
	}

	StoryPage search(Editor editor, StoryFilter filter) {
		JsonNode page = call(() -> this.publisher.get()
			.uri((uri) -> filter.applyTo(uri.path("/api/articles")).queryParam("size", PAGE_SIZE).build())
			.header(HttpHeaders.AUTHORIZATION, editor.bearer())
			.exchange(
					(request, response) -> answer(response.getStatusCode().value(), response.bodyTo(JsonNode.class))));
		return new StoryPage(page.path("items").valueStream().map(StorySummary::of).toList(), page.path("page").asInt(),
				page.path("size").asInt(), page.path("total").asInt());
	}

	/**
	 * @return the article with its body; a retracted one is answered by the publisher as
	 * a problem (410), whose details are returned instead
	 */
	JsonNode story(Editor editor, String id) {
		return call(() -> this.publisher.get()
			.uri((uri) -> uri.path("/api/articles/{id}").build(id))
			.header(HttpHeaders.AUTHORIZATION, editor.bearer())
			.exchange((request, response) -> {
				int status = response.getStatusCode().value();
				JsonNode body = response.bodyTo(JsonNode.class);
				return (status == 410) ? body : answer(status, body);
			}));
	}

	/**
	 * Creates an article, as a draft or published at once.
	 * @return the new article's id
	 */
	String create(Editor editor, StoryForm form, boolean draft) {
		return create(editor, form, form.toRequest(draft));
	}

	/**
	 * Creates an article to be published at a time.
	 * @return the new article's id
	 */
	String schedule(Editor editor, StoryForm form, Instant publishAt) {
		Map<String, Object> request = form.toRequest(false);
		request.remove("draft");
		request.put("publishAt", publishAt.toString());
		return create(editor, form, request);
	}

	private String create(Editor editor, StoryForm form, Map<String, Object> request) {
		JsonNode created = call(() -> this.publisher.post()
			.uri("/api/articles")
			.header(HttpHeaders.AUTHORIZATION, editor.bearer())
			.header("Idempotency-Key", form.getIdempotencyKey())
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange((req, response) -> answer(response.getStatusCode().value(), response.bodyTo(JsonNode.class))));
		return created.path("id").asString();
	}

	/**
	 * Changes an article as the form says, made to the form's version (a 412 refusal if
	 * someone changed it since).
	 */
	void update(Editor editor, String id, StoryForm form, boolean published) {
		write(editor, "/api/articles/{id}", id, form.getVersion(), form.getIdempotencyKey(), form.toUpdate(published),
				true);
	}

	void publish(Editor editor, String id, long version, String key) {
		write(editor, "/api/articles/{id}/publish", id, version, key, null, false);
	}

	void retract(Editor editor, String id, long version, String key, String reason) {
		write(editor, "/api/articles/{id}/unpublish", id, version, key, Map.of("reason", reason), false);
	}

	/**
	 * @return the article's versions, the first first
	 */
	JsonNode history(Editor editor, String id) {
		return call(() -> this.publisher.get()
			.uri((uri) -> uri.path("/api/articles/{id}/history").build(id))
			.header(HttpHeaders.AUTHORIZATION, editor.bearer())
			.exchange(
					(request, response) -> answer(response.getStatusCode().value(), response.bodyTo(JsonNode.class))));
	}

	private void write(Editor editor, String path, String id, long version, String key, @Nullable Object body,
			boolean put) {
		call(() -> {
			RestClient.RequestBodySpec request = (put ? this.publisher.put() : this.publisher.post())
				.uri((uri) -> uri.path(path).build(id))
				.header(HttpHeaders.AUTHORIZATION, editor.bearer())
				.header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
				.header("Idempotency-Key", key);
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(body);
			}
			return request
				.exchange((req, response) -> answer(response.getStatusCode().value(), response.bodyTo(JsonNode.class)));
		});
	}

	/**
	 * @param field a field of the publisher's request, such as {@code heroImage.url} or
	 * {@code authors[1].profileUrl}
	 * @return the compose form's field that holds it
	 */
	static String formField(String field) {
		if (field.startsWith("authors")) {
			return "authors";
		}
		return switch (field) {
			case "heroImage.url", "heroImage" -> "imageUrl";
			case "heroImage.caption" -> "imageCaption";
			case "heroImage.credit" -> "imageCredit";
			default -> field;
		};
	}

	private JsonNode answer(int status, @Nullable JsonNode body) {
		if (status == 401) {
			throw new SignInExpiredException();
		}
		if (status >= 400 && status < 500 && body != null) {
			Map<String, String> fields = new LinkedHashMap<>();
			body.path("errors")
				.valueStream()
				.forEach((error) -> fields.merge(formField(error.path("field").asString()),
						error.path("message").asString(), (one, other) -> one + "; " + other));
			throw new PublisherRefusal(status,
					body.path("detail").asString("The publisher refused it (" + status + ")."), fields);
		}
		if (status >= 300 || body == null) {
			throw new ServiceUnavailableException(
					"The publisher at " + this.publisherUrl + " answered " + status + ". Try again in a moment.");
		}
		return body;
	}

	private JsonNode call(Call call) {
		try {
			return call.send();
		}
		catch (RestClientException ex) {
			throw new ServiceUnavailableException("The publisher at " + this.publisherUrl + " could not be reached ("
					+ ex.getMessage() + "). Try again in a moment.", ex);
		}
	}

	/** One call to the publisher. */
	private interface Call {

		JsonNode send();

	}

}
