package dev.newsroom.console.channels;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.newsroom.console.signin.Editor;
import dev.newsroom.console.stories.Deliveries;

/**
 * Every channel the notifier posts to: whether it is paused and why (an expired token,
 * say), how many deliveries wait on it, and its deliveries by state.
 */
@Controller
class ChannelsController {

	private final RestClient notifier;

	private final Deliveries deliveries;

	ChannelsController(RestClient notifierClient, Deliveries deliveries) {
		this.notifier = notifierClient;
		this.deliveries = deliveries;
	}

	/** Resumes a paused channel, as the editor, once its cause is fixed. */
	@PostMapping("/channels/{name}/resume")
	String resume(@PathVariable String name, @AuthenticationPrincipal Editor editor, Model model,
			HttpServletResponse response) {
		String refused = this.deliveries.resume(editor, name);
		if (refused == null) {
			return "redirect:/channels";
		}
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		model.addAttribute("refusal", refused);
		return channels(model);
	}

	@GetMapping("/channels")
	String channels(Model model) {
		JsonNode channels;
		try {
			channels = this.notifier.get().uri("/api/channels").retrieve().body(JsonNode.class);
		}
		catch (RestClientException ex) {
			channels = null;
		}
		model.addAttribute("unavailable", channels == null);
		model.addAttribute("channels",
				(channels != null) ? channels.valueStream().map(Channel::of).toList() : List.of());
		return "channels";
	}

	/**
	 * A channel as the page shows it.
	 *
	 * @param name its name in the notifier's configuration
	 * @param platform its platform
	 * @param target the account, chat or page it posts to
	 * @param paused whether its deliveries wait for an editor to resume it
	 * @param pausedBecause why, if it is paused
	 * @param waiting deliveries not made yet: pending, being attempted, paused
	 * @param byState its deliveries by state
	 */
	public record Channel(String name, String platform, String target, boolean paused, @Nullable String pausedBecause,
			long waiting, Map<String, Long> byState) {

		static Channel of(JsonNode channel) {
			Map<String, Long> byState = new TreeMap<>();
			channel.path("deliveries")
				.properties()
				.forEach((entry) -> byState.put(entry.getKey().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
						entry.getValue().asLong()));
			long waiting = byState.getOrDefault("pending", 0L) + byState.getOrDefault("attempting", 0L)
					+ byState.getOrDefault("paused", 0L);
			JsonNode because = channel.path("pausedBecause");
			return new Channel(channel.path("name").asString(), channel.path("platform").asString(),
					channel.path("target").asString(), channel.path("paused").asBoolean(),
					because.isString() ? because.asString() : null, waiting, byState);
		}

	}

}
