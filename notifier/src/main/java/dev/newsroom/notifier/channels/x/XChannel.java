package dev.newsroom.notifier.channels.x;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.newsroom.notifier.channels.Channel;
import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.Platform;
import dev.newsroom.notifier.channels.PlatformHttp;
import dev.newsroom.notifier.channels.Post;
import dev.newsroom.notifier.channels.PostPreview;
import dev.newsroom.notifier.channels.PostRef;

/**
 * Posts to an X account through API v2 with OAuth 1.0a user context:
 * {@code POST /2/tweets}; a correction is a reply to the post
 * ({@code reply.in_reply_to_tweet_id}), since X has no edit in its API; a retraction is
 * {@code DELETE /2/tweets/:id}. A 403 "duplicate content" means the text is posted
 * already, which makes a retry after a crash safe; 429 waits until
 * {@code x-rate-limit-reset}; 401 and any other 403 pause the channel.
 */
public class XChannel implements Channel {

	private final String name;

	private final XSettings settings;

	private final RestClient http;

	private final OAuth1Signer signer;

	private final Clock clock;

	public XChannel(String name, XSettings settings, Clock clock) {
		this.name = name;
		this.settings = settings;
		this.http = PlatformHttp.client(settings.apiUrl(), settings.timeout());
		this.signer = new OAuth1Signer(settings.apiKey(), settings.apiKeySecret(), settings.accessToken(),
				settings.accessTokenSecret());
		this.clock = clock;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Platform platform() {
		return Platform.X;
	}

	@Override
	public String target() {
		return "@" + this.settings.account();
	}

	@Override
	public DeliveryReceipt post(Post post, String deliveryId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", XPostText.post(post));
		return tweet(body);
	}

	@Override
	public DeliveryReceipt correct(Post post, PostRef original, String deliveryId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", XPostText.correction(post));
		body.put("reply", Map.of("in_reply_to_tweet_id", original.externalId()));
		return tweet(body);
	}

	@Override
	public PostPreview preview(Post post) {
		boolean correction = post.correctionNote() != null && !post.correctionNote().isBlank();
		String text = correction ? XPostText.correction(post) : XPostText.post(post);
		return PostPreview.of(post, text, XPostText.weightedLength(text), 280, "weighted characters (a link counts 23)",
				correction ? EnumSet.of(PostPreview.Field.CORRECTION_NOTE) : EnumSet.of(PostPreview.Field.TITLE));
	}

	/**
	 * A post's link is {@code https://x.com/<account>/status/<id>}, also on
	 * {@code twitter.com}, possibly followed by more path or a query.
	 */
	@Override
	public Optional<String> postIdFromUrl(URI postUrl) {
		String host = (postUrl.getHost() != null) ? postUrl.getHost().toLowerCase(Locale.ROOT) : "";
		if (!List.of("x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com").contains(host)
				|| postUrl.getPath() == null) {
			return Optional.empty();
		}
		String[] segments = postUrl.getPath().split("/");
		for (int i = 1; i < segments.length - 1; i++) {
			if (segments[i].equals("status") && segments[i + 1].chars().allMatch(Character::isDigit)
					&& !segments[i + 1].isEmpty()) {
				return Optional.of(segments[i + 1]);
			}
		}
		return Optional.empty();
	}

	@Override
	public DeliveryReceipt remove(Post post, PostRef original, String deliveryId) {
		Answer answer = call(HttpMethod.DELETE, "/2/tweets/" + original.externalId(), null);
		if (answer.status().is2xxSuccessful() || answer.status().value() == 404) {
			return new DeliveryReceipt(original.externalId(), original.externalUrl(),
					answer.status().is2xxSuccessful() ? null : "X says the post does not exist any more");
		}
		throw failure("DELETE /2/tweets/:id", answer);
	}

	private DeliveryReceipt tweet(Map<String, Object> body) {
		Answer answer = call(HttpMethod.POST, "/2/tweets", body);
		if (answer.status().is2xxSuccessful()) {
			String id = (answer.body() != null && answer.body().data() != null) ? answer.body().data().id() : null;
			if (id == null) {
				throw ChannelException.outcomeUnknown(
						"X answered POST /2/tweets with HTTP " + answer.status().value() + " but no post id");
			}
			return DeliveryReceipt.of(id, "https://x.com/" + this.settings.account() + "/status/" + id);
		}
		if (answer.status().value() == 403 && answer.detail().toLowerCase(Locale.ROOT).contains("duplicate")) {
			return new DeliveryReceipt(null, null,
					"X refused it as duplicate content: the same text is posted already (a retry after a crash)");
		}
		throw failure("POST /2/tweets", answer);
	}

	private ChannelException failure(String request, Answer answer) {
		int status = answer.status().value();
		String message = "X refused " + request + " for " + target() + ": HTTP " + status + " " + answer.detail();
		if (status == 429) {
			Duration wait = PlatformHttp.untilEpochSeconds(answer.rateLimitReset(), this.clock);
			return ChannelException.rateLimited(message, (wait != null) ? wait : Duration.ofMinutes(15));
		}
		if (status == 401 || status == 403) {
			return ChannelException.credentialsRefused(message);
		}
		if (status >= 500) {
			return ChannelException.transientFailure(message, null);
		}
		return ChannelException.rejected(message);
	}

	private Answer call(HttpMethod method, String path, @Nullable Map<String, Object> body) {
		URI url = URI.create(this.settings.apiUrl().toString().replaceAll("/+$", "") + path);
		String authorization = this.signer.authorization(method.name(), url, Map.of(),
				this.clock.instant().getEpochSecond());
		return PlatformHttp.call("X", () -> {
			RestClient.RequestBodySpec request = this.http.method(method)
				.uri(url)
				.header(HttpHeaders.AUTHORIZATION, authorization);
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(body);
			}
			return request.exchange((req, res) -> {
				ApiResponse parsed = null;
				try {
					parsed = res.bodyTo(ApiResponse.class);
				}
				catch (RestClientException | IllegalArgumentException ex) {
					if (res.getStatusCode().is2xxSuccessful()) {
						throw ChannelException.outcomeUnknown(
								"X answered HTTP " + res.getStatusCode().value() + " with a body that is not X's JSON");
					}
				}
				return new Answer(res.getStatusCode(), parsed, res.getHeaders().getFirst("x-rate-limit-reset"));
			}, true);
		});
	}

	private record Answer(HttpStatusCode status, @Nullable ApiResponse body, @Nullable String rateLimitReset) {

		String detail() {
			if (this.body == null) {
				return "";
			}
			return String.valueOf((this.body.detail() != null) ? this.body.detail() : this.body.title());
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ApiResponse(@Nullable Data data, @Nullable String title, @Nullable String detail) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Data(@Nullable String id) {
	}

}
