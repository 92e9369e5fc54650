package dev.newsroom.notifier.channels.facebook;

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
import dev.newsroom.notifier.channels.PostRef;
import dev.newsroom.notifier.channels.PostText;
import dev.newsroom.notifier.channels.graph.GraphApi;

/**
 * Posts to a Facebook Page: {@code POST /{page-id}/feed} with the message and the
 * article's link, {@code POST /{post-id}} with the corrected message, and {@code DELETE
 * /{post-id}}. Errors follow the Graph API's contract ({@link GraphApi}).
 */
public class FacebookChannel implements Channel {

	private static final int MAX_MESSAGE = 5000;

	private final String name;

	private final String pageId;

	private final GraphApi graph;

	public FacebookChannel(String name, FacebookSettings settings) {
		this.name = name;
		this.pageId = settings.pageId();
		this.graph = new GraphApi("Facebook", PlatformHttp.client(settings.apiUrl(), settings.timeout()),
				settings.pageAccessToken());
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Platform platform() {
		return Platform.FACEBOOK;
	}

	@Override
	public String target() {
		return this.pageId;
	}

	@Override
	public DeliveryReceipt post(Post post, String deliveryId) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("message", message(post));
		form.put("link", post.url());
		JsonNode answer = this.graph.call(HttpMethod.POST, "/{page}/feed", form, this.pageId);
		String id = answer.path("id").asString(null);
		if (id == null) {
			throw ChannelException.outcomeUnknown("Facebook answered POST /{page}/feed without a post id");
		}
		return DeliveryReceipt.of(id, "https://www.facebook.com/" + id);
	}

	@Override
	public DeliveryReceipt correct(Post post, PostRef original, String deliveryId) {
		this.graph.call(HttpMethod.POST, "/{post}", Map.of("message", message(post)), original.externalId());
		return DeliveryReceipt.of(original.externalId(), original.externalUrl());
	}

	@Override
	public DeliveryReceipt remove(Post post, PostRef original, String deliveryId) {
		this.graph.call(HttpMethod.DELETE, "/{post}", Map.of(), original.externalId());
		return DeliveryReceipt.of(original.externalId(), original.externalUrl());
	}

	@Override
	public PostPreview preview(Post post) {
		String message = message(post);
		return PostPreview.of(post, message, message.length(), MAX_MESSAGE, "characters",
				EnumSet.allOf(PostPreview.Field.class));
	}

	static String message(Post post) {
		StringBuilder message = new StringBuilder();
		if (post.breaking()) {
			message.append("BREAKING: ");
		}
		message.append(PostText.shorten(post.title().strip(), 500));
		if (!post.lead().isBlank()) {
			message.append("\n\n").append(PostText.shorten(post.lead().strip(), 2000));
		}
		if (post.correctionNote() != null && !post.correctionNote().isBlank()) {
			message.append("\n\nCorrection: ").append(PostText.shorten(post.correctionNote().strip(), 2000));
		}
		return PostText.shorten(message.toString(), MAX_MESSAGE);
	}

}
