package dev.newsroom.console.stories;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

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
