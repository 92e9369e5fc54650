package dev.newsroom.console.stories;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.newsroom.console.signin.Editor;

/**
 * A story's deliveries on every channel, as the notifier's ledger has them. When the
 * notifier cannot be reached the page still shows, saying so.
 */
@Component
public class Deliveries {

	private static final Logger logger = LoggerFactory.getLogger(Deliveries.class);

	private final RestClient notifier;

	Deliveries(RestClient notifierClient) {
		this.notifier = notifierClient;
	}

	/**
	 * @param articleId an article
	 * @return its deliveries, the latest change last; {@code null} if the notifier did
	 * not answer
	 */
	@Nullable List<Delivery> of(String articleId) {
		try {
			JsonNode deliveries = this.notifier.get()
				.uri((uri) -> uri.path("/api/articles/{id}/deliveries").build(articleId))
				.retrieve()
				.body(JsonNode.class);
			return (deliveries != null) ? deliveries.valueStream().map(Delivery::of).toList() : List.of();
		}
		catch (RestClientException ex) {
			logger.warn("Deliveries of {} are not shown: the notifier did not answer ({})", articleId, ex.getMessage());
			return null;
		}
	}

	/**
	 * Each channel's latest delivery of each story, in the editors' words: posted,
	 * waiting, paused, failed, uncertain, or the state itself.
	 * @param articleIds the stories of a page, at most 100
	 * @return by story, by channel; empty if the notifier did not answer
	 */
	Map<String, Map<String, String>> summaries(List<String> articleIds) {
		Map<String, Map<String, String>> summaries = new HashMap<>();
		if (articleIds.isEmpty()) {
			return summaries;
		}
		JsonNode all;
		try {
			all = this.notifier.get()
				.uri((uri) -> uri.path("/api/deliveries")
					.queryParam("articleIds", String.join(",", articleIds))
					.build())
				.retrieve()
				.body(JsonNode.class);
		}
		catch (RestClientException ex) {
			logger.warn("Deliveries are not summed up: the notifier did not answer ({})", ex.getMessage());
			return summaries;
		}
		if (all == null) {
			return summaries;
		}
		for (String id : articleIds) {
			Map<String, String> byChannel = new TreeMap<>();
			all.path(id)
				.valueStream()
				.map(Delivery::of)
				.sorted(Comparator.comparing(Delivery::updatedAt))
				.forEach((delivery) -> byChannel.put(delivery.channel(), delivery.summary()));
			summaries.put(id, byChannel);
		}
		return summaries;
	}

	/**
	 * Asks the notifier, as the editor, to retry or cancel a delivery.
	 * @param command {@code retry} or {@code cancel}
	 * @return what went wrong, or {@code null} if the notifier took it
	 */
	@Nullable String command(Editor editor, String articleId, String deliveryId, String command) {
		return post(editor, null, "/api/articles/{id}/deliveries/{delivery}/" + command, articleId, deliveryId);
	}

	/**
	 * Tells the notifier, as the editor, what became of an uncertain delivery: posted,
	 * with the post's link, or not posted, to post it now.
	 * @param postUrl for a post found: its link
	 * @return what went wrong, or {@code null} if the notifier took it
	 */
	@Nullable String resolve(Editor editor, String articleId, String deliveryId, boolean posted, @Nullable String postUrl) {
		Map<String, Object> resolution = new HashMap<>();
		resolution.put("outcome", posted ? "POSTED" : "NOT_POSTED");
		if (posted && postUrl != null && !postUrl.isBlank()) {
			resolution.put("postUrl", postUrl.strip());
		}
		return post(editor, resolution, "/api/articles/{id}/deliveries/{delivery}/resolve", articleId, deliveryId);
	}

	/**
	 * Asks the notifier, as the editor, to resume a paused channel.
	 * @return what went wrong, or {@code null} if the notifier took it
	 */
	public @Nullable String resume(Editor editor, String channel) {
		return post(editor, null, "/api/channels/{channel}/resume", channel);
	}

	private @Nullable String post(Editor editor, @Nullable Object body, String path, Object... variables) {
		try {
			RestClient.RequestBodySpec call = this.notifier.post()
				.uri(path, variables)
				.header(HttpHeaders.AUTHORIZATION, editor.bearer());
			if (body != null) {
				call.contentType(MediaType.APPLICATION_JSON).body(body);
			}
			return call.exchange((request, response) -> {
				if (response.getStatusCode().is2xxSuccessful()) {
					return null;
				}
				JsonNode problem = response.bodyTo(JsonNode.class);
				String detail = (problem != null) ? problem.path("detail").asString("") : "";
				return "The notifier refused it (" + response.getStatusCode().value() + ")"
						+ (detail.isEmpty() ? "." : ": " + detail);
			});
		}
		catch (RestClientException ex) {
			return "The notifier could not be reached (" + ex.getMessage() + "). Try again in a moment.";
		}
	}

	/**
	 * A delivery of a story to a channel.
	 *
	 * @param deliveryId its id, the same on every attempt
	 * @param channel the channel's name
	 * @param platform its platform
	 * @param action announce, correct or retract
	 * @param articleVersion the story's version it carries
	 * @param state its state: pending, delivered, paused, uncertain, failed, …
	 * @param attempts how many times the platform was called
	 * @param lastError the last error, if any
	 * @param postUrl the post on the platform, once there is one
	 * @param updatedAt when its state last changed
	 */
	public record Delivery(String deliveryId, String channel, String platform, String action, long articleVersion,
			String state, int attempts, @Nullable String lastError, @Nullable String postUrl, Instant updatedAt) {

		/** States an editor may retry from, as the notifier allows. */
		private static final Set<String> RETRYABLE = Set.of("failed", "uncertain", "expired", "cancelled",
				"left to editor", "skipped");

		/** States an editor may cancel, as the notifier allows. */
		private static final Set<String> CANCELLABLE = Set.of("pending", "paused", "uncertain", "failed",
				"left to editor");

		static Delivery of(JsonNode delivery) {
			return new Delivery(delivery.path("deliveryId").asString(), delivery.path("channel").asString(),
					delivery.path("platform").asString(), delivery.path("action").asString(),
					delivery.path("articleVersion").asLong(),
					delivery.path("state").asString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
					delivery.path("attempts").asInt(), text(delivery.path("lastError")), text(delivery.path("postUrl")),
					Instant.parse(delivery.path("updatedAt").asString()));
		}

		/**
		 * @return its state as the stories list says it
		 */
		public String summary() {
			return switch (this.state) {
				case "delivered" -> "posted";
				case "pending", "attempting" -> "waiting";
				case "left to editor" -> "uncertain";
				default -> this.state;
			};
		}

		public boolean retryable() {
			return RETRYABLE.contains(this.state);
		}

		public boolean cancellable() {
			return CANCELLABLE.contains(this.state);
		}

		/**
		 * @return whether an editor must say what became of it: found posted, or not
		 */
		public boolean resolvable() {
			return this.state.equals("uncertain") || this.state.equals("left to editor");
		}

		private static @Nullable String text(JsonNode node) {
			return node.isString() ? node.asString() : null;
		}

	}

}
