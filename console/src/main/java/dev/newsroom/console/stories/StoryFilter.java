package dev.newsroom.console.stories;

import java.util.Map;

import org.springframework.web.util.UriBuilder;

/**
 * The stories list's filters, as the page's query string holds them.
 *
 * @param edition an edition, or blank for all
 * @param state a state in the editors' words, or blank for all
 * @param q words of the title or lead, or blank
 * @param page the page number, from 0
 */
public record StoryFilter(String edition, String state, String q, int page) {

	/** The editors' words for the publisher's statuses. */
	static final Map<String, String> STATES = Map.of("draft", "draft", "scheduled", "scheduled", "published",
			"published", "retracted", "unpublished");

	public StoryFilter {
		edition = (edition != null) ? edition.strip() : "";
		state = (state != null && STATES.containsKey(state)) ? state : "";
		q = (q != null) ? q.strip() : "";
		page = Math.max(0, page);
	}

	public UriBuilder applyTo(UriBuilder uri) {
		if (!this.edition.isEmpty()) {
			uri.queryParam("edition", this.edition);
		}
		if (!this.state.isEmpty()) {
			uri.queryParam("status", STATES.get(this.state));
		}
		if (!this.q.isEmpty()) {
			uri.queryParam("q", this.q);
		}
		return uri.queryParam("page", this.page);
	}

}
