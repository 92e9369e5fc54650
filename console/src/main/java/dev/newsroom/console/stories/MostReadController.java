package dev.newsroom.console.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.newsroom.console.signin.Editor;

/**
 * The most-read stories of an edition over the last hour or day, as the view counter
 * ranks them, with their titles from the publisher.
 */
@Controller
class MostReadController {

	static final Set<String> WINDOWS = Set.of("1h", "24h");

	private static final int LIMIT = 20;

	private final ViewCounts views;

	private final PublisherApi publisher;

	MostReadController(ViewCounts views, PublisherApi publisher) {
		this.views = views;
		this.publisher = publisher;
	}

	@GetMapping("/most-read")
	String mostRead(@RequestParam(defaultValue = "en") String edition, @RequestParam(defaultValue = "1h") String window,
			@AuthenticationPrincipal Editor editor, Model model) {
		String chosen = WINDOWS.contains(window) ? window : "1h";
		String chosenEdition = edition.strip().matches("[a-z]{2}") ? edition.strip() : "en";
		model.addAttribute("edition", chosenEdition);
		model.addAttribute("window", chosen);
		JsonNode trending = this.views.trending(chosenEdition, chosen, LIMIT);
		if (trending == null) {
			model.addAttribute("unavailable", true);
			model.addAttribute("ranked", List.of());
			return "most-read";
		}
		List<Ranked> ranked = new ArrayList<>();
		for (JsonNode entry : trending.path("articles")) {
			String id = entry.path("articleId").asString();
			JsonNode story = this.publisher.story(editor, id);
			String title = story.path("title").isString() && story.path("status").isString()
					? story.path("title").asString() : null;
			ranked.add(new Ranked(ranked.size() + 1, id, title, entry.path("views").asLong()));
		}
		model.addAttribute("ranked", ranked);
		return "most-read";
	}

	/**
	 * A place in the most-read list.
	 *
	 * @param rank from 1
	 * @param articleId the story
	 * @param title its title, or {@code null} if it was retracted since
	 * @param views its views in the window
	 */
	public record Ranked(int rank, String articleId, @Nullable String title, long views) {
	}

}
