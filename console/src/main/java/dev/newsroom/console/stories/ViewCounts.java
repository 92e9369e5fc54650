package dev.newsroom.console.stories;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The view counter's counts of a page of stories, in one call. When it cannot be reached
 * the page still shows, without views.
 */
@Component
class ViewCounts {

	private static final Logger logger = LoggerFactory.getLogger(ViewCounts.class);

	private final RestClient viewCounter;

	ViewCounts(RestClient viewCounterClient) {
		this.viewCounter = viewCounterClient;
	}

	/**
	 * @param edition the story's edition
	 * @param window {@code 1h} or {@code 24h}
	 * @param articleId the story
	 * @return its place in the edition's most-read list of that window, from 1, or
	 * {@code null} if it is not among the first 50 or the view counter did not answer
	 */
	@Nullable Integer rank(String edition, String window, String articleId) {
		JsonNode trending = trending(edition, window, 50);
		List<String> ranked = (trending != null)
				? trending.path("articles").valueStream().map((entry) -> entry.path("articleId").asString()).toList()
				: List.of();
		int index = ranked.indexOf(articleId);
		return (index >= 0) ? index + 1 : null;
	}

	/**
	 * @param edition an edition
	 * @param window {@code 1h} or {@code 24h}
	 * @param limit how many at most
	 * @return the view counter's most-read list, or {@code null} if it did not answer
	 */
	@Nullable JsonNode trending(String edition, String window, int limit) {
		try {
			return this.viewCounter.get()
				.uri((uri) -> uri.path("/api/trending")
					.queryParam("edition", edition)
					.queryParam("window", window)
					.queryParam("limit", limit)
					.build())
				.retrieve()
				.body(JsonNode.class);
		}
		catch (RestClientException ex) {
			logger.warn("The most-read list of {} is not shown: the view counter did not answer ({})", edition,
					ex.getMessage());
			return null;
		}
	}

	/**
	 * @param articleId a story
	 * @return its views in each of the last 24 hours, or {@code null} if the view counter
	 * did not answer
	 */
	@Nullable ViewsChart byHour(String articleId) {
		try {
			JsonNode series = this.viewCounter.get()
				.uri((uri) -> uri.path("/api/articles/{id}/views/by-hour").build(articleId))
				.retrieve()
				.body(JsonNode.class);
			return (series != null) ? ViewsChart.of(series) : null;
		}
		catch (RestClientException ex) {
			logger.warn("The views chart of {} is not shown: the view counter did not answer ({})", articleId,
					ex.getMessage());
			return null;
		}
	}

	/**
	 * @param articleIds at most 100 article ids
	 * @return the views of each, by id; empty if the view counter could not answer
	 */
	Map<String, Long> of(Collection<String> articleIds) {
		Map<String, Long> views = new HashMap<>();
		if (articleIds.isEmpty()) {
			return views;
		}
		try {
			JsonNode counts = this.viewCounter.get()
				.uri((uri) -> uri.path("/api/views").queryParam("ids", String.join(",", articleIds)).build())
				.retrieve()
				.body(JsonNode.class);
			if (counts != null) {
				counts.valueStream()
					.forEach((count) -> views.put(count.path("articleId").asString(), count.path("views").asLong()));
			}
		}
		catch (RestClientException ex) {
			logger.warn("Views are not shown: the view counter did not answer ({})", ex.getMessage());
		}
		return views;
	}

}
