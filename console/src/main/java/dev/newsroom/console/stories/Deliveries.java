package dev.newsroom.console.stories;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A story's deliveries on every channel, as the notifier's ledger has them. When the
 * notifier cannot be reached the page still shows, saying so.
 */
@Component
class Deliveries {

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
	 * A delivery of a story to a channel.
	 *
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
	public record Delivery(String channel, String platform, String action, long articleVersion, String state,
			int attempts, @Nullable String lastError, @Nullable String postUrl, Instant updatedAt) {

		static Delivery of(JsonNode delivery) {
			return new Delivery(delivery.path("channel").asString(), delivery.path("platform").asString(),
					delivery.path("action").asString(), delivery.path("articleVersion").asLong(),
					delivery.path("state").asString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
					delivery.path("attempts").asInt(), text(delivery.path("lastError")), text(delivery.path("postUrl")),
					Instant.parse(delivery.path("updatedAt").asString()));
		}

		private static @Nullable String text(JsonNode node) {
			return node.isString() ? node.asString() : null;
		}

	}

}
