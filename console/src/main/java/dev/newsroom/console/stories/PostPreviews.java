package dev.newsroom.console.stories;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import dev.newsroom.console.ConsoleSettings;
import dev.newsroom.console.signin.Editor;

/**
 * The posts a story would make on each channel its edition routes to, as the notifier's
 * channel adapters would write them: the text readers would see, its length in the
 * platform's measure, and what was shortened to fit or left out.
 */
@Component
class PostPreviews {

	private static final Logger logger = LoggerFactory.getLogger(PostPreviews.class);

	private static final Map<String, String> FIELDS = Map.of("TITLE", "headline", "LEAD", "lead", "CORRECTION_NOTE",
			"correction note");

	private final RestClient notifier;

	private final ConsoleSettings settings;

	PostPreviews(RestClient notifierClient, ConsoleSettings settings) {
		this.notifier = notifierClient;
		this.settings = settings;
	}

	/**
	 * @param editor who asks
	 * @param form the story as typed so far
	 * @param canonicalUrl the story's address if it has one, else {@code null} for the
	 * one the publisher will give it
	 * @param correction whether the change is a correction of a published story, whose
	 * note the posts then carry
	 * @return each channel's post, or why there are none
	 */
	Result of(Editor editor, StoryForm form, @Nullable String canonicalUrl, boolean correction) {
		String url = (canonicalUrl != null) ? canonicalUrl
				: UriComponentsBuilder.fromUri(this.settings.siteUrl())
					.pathSegment(form.getEdition().strip(), form.getSection().strip(), form.getSlug().strip())
					.build()
					.toUriString();
		Map<String, Object> article = new java.util.LinkedHashMap<>();
		article.put("title", form.getTitle());
		article.put("lead", form.getLead());
		article.put("url", url);
		article.put("edition", form.getEdition().strip());
		article.put("section", form.getSection().strip());
		article.put("breaking", form.isBreaking());
		article.put("imageUrl", form.getImageUrl().isBlank() ? null : form.getImageUrl().strip());
		article.put("correctionNote", correction ? form.getChangeNote() : null);
		try {
			return this.notifier.post()
				.uri("/api/previews")
				.header(HttpHeaders.AUTHORIZATION, editor.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.body(article)
				.exchange((request, response) -> {
					JsonNode body = response.bodyTo(JsonNode.class);
					if (!response.getStatusCode().is2xxSuccessful() || body == null) {
						String detail = (body != null) ? body.path("detail").asString("") : "";
						return new Result(List.of(), "The notifier could not preview the posts ("
								+ response.getStatusCode().value() + ")" + (detail.isEmpty() ? "." : ": " + detail));
					}
					List<ChannelPost> posts = body.valueStream().map(PostPreviews::post).toList();
					return new Result(posts, posts.isEmpty()
							? "No channel announces " + form.getEdition() + " / " + form.getSection() + "." : null);
				});
		}
		catch (RestClientException ex) {
			logger.warn("Post previews are not shown: the notifier did not answer ({})", ex.getMessage());
			return new Result(List.of(), "The notifier did not answer; the posts cannot be previewed now.");
		}
	}

	private static ChannelPost post(JsonNode preview) {
		JsonNode post = preview.path("post");
		return new ChannelPost(preview.path("channel").asString(), preview.path("platform").asString(),
				post.path("shown").asString(), post.path("length").asInt(), post.path("limit").asInt(),
				post.path("measure").asString(), fields(post.path("shortened")), fields(post.path("leftOut")),
				preview.path("overLimit").asBoolean());
	}

	private static List<String> fields(JsonNode names) {
		return names.valueStream()
			.map((name) -> FIELDS.getOrDefault(name.asString(), name.asString().toLowerCase(Locale.ROOT)))
			.toList();
	}

	/**
	 * The previews, and what kept some from being shown.
	 *
	 * @param posts one per channel
	 * @param problem why there are none, or {@code null}
	 */
	public record Result(List<ChannelPost> posts, @Nullable String problem) {
	}

	/**
	 * One channel's post.
	 *
	 * @param channel the channel
	 * @param platform its platform
	 * @param shown the text readers would see
	 * @param length its length in the platform's measure
	 * @param limit the platform's limit, or 0
	 * @param measure what the length counts
	 * @param shortened the fields cut to fit (an ellipsis marks where)
	 * @param leftOut the fields this channel does not post
	 * @param overLimit whether the platform would refuse it as too long
	 */
	public record ChannelPost(String channel, String platform, String shown, int length, int limit, String measure,
			List<String> shortened, List<String> leftOut, boolean overLimit) {
	}

}
