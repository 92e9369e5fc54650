package dev.newsroom.notifier.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.newsroom.notifier.channels.Channel;
import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.Platform;
import dev.newsroom.notifier.channels.Post;
import dev.newsroom.notifier.channels.PostPreview;
import dev.newsroom.notifier.channels.PostRef;

/**
 * A platform whose answers a test scripts: each call is recorded, and answered by the
 * script from the number of calls so far.
 */
final class ScriptedChannel implements Channel {

	private final String name;

	private final Platform platform;

	final List<String> calls = new ArrayList<>();

	final List<java.time.Instant> callTimes = new ArrayList<>();

	java.time.Clock clock = java.time.Clock.systemUTC();

	Function<Integer, ChannelException> failure = (call) -> null;

	ScriptedChannel(String name, Platform platform) {
		this.name = name;
		this.platform = platform;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Platform platform() {
		return this.platform;
	}

	@Override
	public String target() {
		return "@" + this.name;
	}

	@Override
	public PostPreview preview(Post post) {
		return PostPreview.of(post, post.title(), post.title().length(), 0, "characters",
				java.util.EnumSet.of(PostPreview.Field.TITLE));
	}

	@Override
	public DeliveryReceipt post(Post post, String deliveryId) {
		return answer("post " + post.articleId(), "post-" + post.articleId());
	}

	@Override
	public DeliveryReceipt correct(Post post, PostRef original, String deliveryId) {
		return answer("edit " + original.externalId(), original.externalId());
	}

	@Override
	public DeliveryReceipt remove(Post post, PostRef original, String deliveryId) {
		return answer("delete " + original.externalId(), original.externalId());
	}

	private DeliveryReceipt answer(String call, String id) {
		ChannelException failure = this.failure.apply(this.calls.size() + 1);
		this.calls.add(call + ((failure != null) ? " -> " + failure.kind() : ""));
		this.callTimes.add(this.clock.instant());
		if (failure != null) {
			throw failure;
		}
		return DeliveryReceipt.of(id, "https://platform.example/" + id);
	}

	long successfulCalls(String prefix) {
		return this.calls.stream().filter((call) -> call.startsWith(prefix) && !call.contains("->")).count();
	}

}
