package dev.newsroom.notifier.previews;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.newsroom.notifier.channels.Channel;
import dev.newsroom.notifier.channels.Post;
import dev.newsroom.notifier.channels.PostPreview;
import dev.newsroom.notifier.routing.Channels;
import dev.newsroom.notifier.routing.Routes;

/**
 * Shows what each channel the article would be routed to would post, with the channels'
 * own text builders, so that the preview is the post: nothing is called, nothing is
 * written.
 */
@RestController
class PreviewController {

	private final Routes routes;

	private final Channels channels;

	PreviewController(Routes routes, Channels channels) {
		this.routes = routes;
		this.channels = channels;
	}

	@PostMapping("/api/previews")
	List<ChannelPreview> preview(@RequestBody PreviewRequest request) {
		Post post = request.post();
		return this.routes.channelsFor(request.edition(), request.section(), request.breaking())
			.stream()
			.sorted()
			.flatMap((name) -> this.channels.find(name).stream())
			.map((configured) -> ChannelPreview.of(configured.channel(), post))
			.toList();
	}

	/**
	 * One channel's post.
	 *
	 * @param channel the channel's name
	 * @param platform its platform
	 * @param target where on the platform
	 * @param post what it would post
	 * @param overLimit whether the text is still over the platform's limit, which the
	 * platform would refuse
	 */
	record ChannelPreview(String channel, String platform, String target, PostPreview post, boolean overLimit) {

		static ChannelPreview of(Channel channel, Post post) {
			PostPreview preview = channel.preview(post);
			return new ChannelPreview(channel.name(), channel.platform().id(), channel.target(), preview,
					preview.limit() > 0 && preview.length() > preview.limit());
		}

	}

}
