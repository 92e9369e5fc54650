package dev.newsroom.notifier.channels.instagram;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import dev.newsroom.notifier.channels.Channel;
import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.Platform;
import dev.newsroom.notifier.channels.PlatformHttp;
import dev.newsroom.notifier.channels.Post;
import dev.newsroom.notifier.channels.PostPreview;
import dev.newsroom.notifier.channels.PostText;
import dev.newsroom.notifier.channels.graph.GraphApi;

/**
 * Posts to an Instagram professional account in the Graph API's two steps: a media
 * container with the hero image and the caption, then {@code media_publish}. Before that
 * it reads {@code content_publishing_limit}, and waits when the account's 24-hour quota
 * is used up. An article without a hero image cannot be posted, and Instagram's API can
 * neither edit a caption nor delete a post: those deliveries are left to an editor, with
 * the reason.
 */
public class InstagramChannel implements Channel {

	/** Instagram's caption limit. */
	static final int MAX_CAPTION = 2200;

	private static final Duration QUOTA_WAIT = Duration.ofHours(1);

	private final String name;

	private final String userId;

	private final GraphApi graph;

	public InstagramChannel(String name, InstagramSettings settings) {
		this.name = name;
		this.userId = settings.userId();
		this.graph = new GraphApi("Instagram", PlatformHttp.client(settings.apiUrl(), settings.timeout()),
				settings.accessToken());
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Platform platform() {
		return Platform.INSTAGRAM;
	}

	@Override
	public String target() {
		return this.userId;
	}

	@Override
	public DeliveryReceipt post(Post post, String deliveryId) {
		if (post.imageUrl() == null || post.imageUrl().isBlank()) {
			throw ChannelException.notPossible("The article has no hero image, and Instagram posts need one");
		}
		requireQuota();
		Map<String, String> container = new LinkedHashMap<>();
		container.put("image_url", post.imageUrl());
		container.put("caption", caption(post));
		String creationId = this.graph.call(HttpMethod.POST, "/{user}/media", container, this.userId)
			.path("id")
			.asString(null);
		if (creationId == null) {
			throw ChannelException.transientFailure("Instagram answered POST /{user}/media without a container id",
					null);
		}
		String mediaId = this.graph
			.call(HttpMethod.POST, "/{user}/media_publish", Map.of("creation_id", creationId), this.userId)
			.path("id")
			.asString(null);
		if (mediaId == null) {
			throw ChannelException.outcomeUnknown("Instagram answered media_publish without a media id");
		}
		return DeliveryReceipt.of(mediaId, null);
	}

	private void requireQuota() {
		JsonNode limit = this.graph.call(HttpMethod.GET, "/{user}/content_publishing_limit?fields=quota_usage,config",
				Map.of(), this.userId);
		JsonNode usage = limit.path("data").path(0);
		int used = usage.path("quota_usage").asInt(0);
		int total = usage.path("config").path("quota_total").asInt(Integer.MAX_VALUE);
		if (used >= total) {
			throw ChannelException.rateLimited(
					"Instagram's publishing quota is used up: " + used + " of " + total + " posts in the last 24 hours",
					QUOTA_WAIT);
		}
	}

	/**
	 * The caption of the announcement; Instagram cannot edit one, so a correction changes
	 * nothing on it and is left to an editor.
	 */
	@Override
	public PostPreview preview(Post post) {
		String caption = caption(post);
		return PostPreview.of(post, caption, caption.length(), MAX_CAPTION, "characters",
				EnumSet.of(PostPreview.Field.TITLE, PostPreview.Field.LEAD));
	}

	static String caption(Post post) {
		StringBuilder caption = new StringBuilder();
		caption.append(post.title().strip());
		if (!post.lead().isBlank()) {
			caption.append("\n\n").append(post.lead().strip());
		}
		// Links in captions are not clickable, but readers can copy them.
		String link = "\n\n" + post.url();
		return PostText.shorten(caption.toString(), MAX_CAPTION - link.length()) + link;
	}

}
