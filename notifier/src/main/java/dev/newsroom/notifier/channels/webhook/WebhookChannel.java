package dev.newsroom.notifier.channels.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import dev.newsroom.notifier.channels.Channel;
import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.Platform;
import dev.newsroom.notifier.channels.PlatformHttp;
import dev.newsroom.notifier.channels.Post;
import dev.newsroom.notifier.channels.PostPreview;
import dev.newsroom.notifier.channels.PostRef;

/**
 * Posts article events to any URL as Standard Webhooks: a JSON body {@code {"type",
 * "timestamp", "data"}} with the {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} headers. The id is the delivery's id, the same on every
 * retry, so that a receiver that deduplicates on it sees one event however often it is
 * sent; a delivery interrupted by a crash is therefore retried rather than left
 * uncertain. 2xx is taken; 401 and 403 pause the channel; 408, 429 and 5xx are retried,
 * waiting what {@code Retry-After} asks; any other status refuses the delivery.
 */
public class WebhookChannel implements Channel {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String name;

	private final RestClient http;

	private final String target;

	private final WebhookSignature signature;

	private final Clock clock;

	public WebhookChannel(String name, WebhookSettings settings, Clock clock) {
		this.name = name;
		this.http = PlatformHttp.client(settings.url(), settings.timeout());
		this.target = settings.url().getHost();
		this.signature = new WebhookSignature(settings.secret());
		this.clock = clock;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Platform platform() {
		return Platform.WEBHOOK;
	}

	@Override
	public String target() {
		return this.target;
	}

	@Override
	public DeliveryReceipt post(Post post, String deliveryId) {
		return send("article.published", post, null, deliveryId);
	}

	@Override
	public DeliveryReceipt correct(Post post, PostRef original, String deliveryId) {
		return send("article.corrected", post, original, deliveryId);
	}

	@Override
	public DeliveryReceipt remove(Post post, PostRef original, String deliveryId) {
		return send("article.retracted", post, original, deliveryId);
	}

	/**
	 * A webhook sends the article's fields as data, whole; the receiver decides what to
	 * show.
	 */
	@Override
	public PostPreview preview(Post post) {
		String type = (post.correctionNote() != null && !post.correctionNote().isBlank()) ? "article.corrected"
				: "article.published";
		String shown = type + " event to " + this.target + ", with the article's whole title, lead, link, edition,"
				+ " section and image" + (type.equals("article.corrected") ? ", and the correction note" : "");
		return new PostPreview(shown, 0, 0, "no limit: data, not text", List.of(), List.of());
	}

	private DeliveryReceipt send(String type, Post post, @Nullable PostRef original, String deliveryId) {
		long timestamp = this.clock.instant().getEpochSecond();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("articleId", post.articleId());
		data.put("title", post.title());
		data.put("lead", post.lead());
		data.put("url", post.url());
		data.put("edition", post.edition());
		data.put("section", post.section());
		data.put("breaking", post.breaking());
		data.put("imageUrl", post.imageUrl());
		data.put("correctionNote", post.correctionNote());
		data.put("retractionReason", post.retractionReason());
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", type);
		event.put("timestamp", this.clock.instant().toString());
		event.put("data", data);
		String body = json.writeValueAsString(event);
		Answer answer = PlatformHttp.call("Webhook " + this.target, () -> this.http.post()
			.contentType(MediaType.APPLICATION_JSON)
			.header("webhook-id", deliveryId)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", this.signature.sign(deliveryId, timestamp, body))
			.body(body)
			.exchange((req, res) -> new Answer(res.getStatusCode(), res.getHeaders().getFirst("Retry-After")), true));
		int status = answer.status().value();
		if (answer.status().is2xxSuccessful()) {
			return DeliveryReceipt.of(deliveryId, null);
		}
		String message = "Webhook " + this.target + " answered " + type + " with HTTP " + status;
		if (status == 401 || status == 403) {
			throw ChannelException.credentialsRefused(message + ": it does not accept our signature or address");
		}
		Duration retryAfter = PlatformHttp.retryAfter(answer.retryAfter(), this.clock);
		if (status == 429) {
			throw ChannelException.rateLimited(message, (retryAfter != null) ? retryAfter : Duration.ofMinutes(1));
		}
		if (status == 408 || status >= 500) {
			throw ChannelException.transientFailure(message, retryAfter);
		}
		throw ChannelException.rejected(message);
	}

	private record Answer(HttpStatusCode status, @Nullable String retryAfter) {
	}

}
