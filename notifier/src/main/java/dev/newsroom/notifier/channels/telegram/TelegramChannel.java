package dev.newsroom.notifier.channels.telegram;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
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
 * Posts to a Telegram channel or group through the Bot API: {@code sendMessage} in HTML
 * parse mode, {@code editMessageText} for a correction and {@code deleteMessage} for a
 * retraction. Follows the Bot API's error contract ({@code ok=false} with
 * {@code error_code}, {@code description} and, for 429, {@code parameters.retry_after}):
 * 401, 403 and "chat not found" mean the bot can no longer post there, and pause the
 * channel; 429 and 5xx are worth waiting for; any other 400 refuses the delivery. The
 * token goes in the path exactly as BotFather issued it, colon included (a URI template
 * would encode the colon), and into no message, log line or ledger record.
 */
public class TelegramChannel implements Channel {

	private final String name;

	private final RestClient http;

	private final String botToken;

	private final String apiUrl;

	private final String chatId;

	public TelegramChannel(String name, TelegramSettings settings) {
		this.name = name;
		this.http = PlatformHttp.client(settings.apiUrl(), settings.timeout());
		this.botToken = settings.botToken();
		this.apiUrl = settings.apiUrl().toString().replaceAll("/+$", "");
		this.chatId = settings.chatId();
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Platform platform() {
		return Platform.TELEGRAM;
	}

	@Override
	public String target() {
		return this.chatId;
	}

	@Override
	public DeliveryReceipt post(Post post, String deliveryId) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("chat_id", this.chatId);
		request.put("text", TelegramMessage.html(post));
		request.put("parse_mode", "HTML");
		request.put("link_preview_options", Map.of("url", post.url(), "prefer_large_media", true));
		BotApiResponse response = call("sendMessage", request);
		Message message = response.message();
		if (message == null) {
			throw ChannelException.outcomeUnknown("Telegram answered sendMessage with ok=true but no message");
		}
		String messageId = String.valueOf(message.messageId());
		return DeliveryReceipt.of(messageId, publicUrl(message, messageId));
	}

	@Override
	public DeliveryReceipt correct(Post post, PostRef original, String deliveryId) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("chat_id", this.chatId);
		request.put("message_id", Long.parseLong(original.externalId()));
		request.put("text", TelegramMessage.html(post));
		request.put("parse_mode", "HTML");
		try {
			call("editMessageText", request);
		}
		catch (ChannelException ex) {
			if (!ex.getMessage().toLowerCase(Locale.ROOT).contains("message is not modified")) {
				throw ex;
			}
		}
		return DeliveryReceipt.of(original.externalId(), original.externalUrl());
	}

	@Override
	public DeliveryReceipt remove(Post post, PostRef original, String deliveryId) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("chat_id", this.chatId);
		request.put("message_id", Long.parseLong(original.externalId()));
		try {
			call("deleteMessage", request);
			return DeliveryReceipt.of(original.externalId(), original.externalUrl());
		}
		catch (ChannelException ex) {
			String message = ex.getMessage().toLowerCase(Locale.ROOT);
			if (message.contains("message to delete not found")) {
				return new DeliveryReceipt(original.externalId(), original.externalUrl(),
						"Telegram says the message was deleted already");
			}
			if (message.contains("can't be deleted")) {
				throw ChannelException.notPossible("Telegram will not let the bot delete message "
						+ original.externalId() + " (" + ex.getMessage() + "): delete "
						+ ((original.externalUrl() != null) ? original.externalUrl() : "it") + " by hand");
			}
			throw ex;
		}
	}

	private BotApiResponse call(String method, Map<String, Object> request) {
		BotApiResponse response = PlatformHttp.call("Telegram",
				() -> this.http.post()
					.uri(URI.create(this.apiUrl + "/bot" + this.botToken + "/" + method))
					.contentType(MediaType.APPLICATION_JSON)
					.body(request)
					.exchange((req, res) -> read(res), true));
		if (response.ok()) {
			return response;
		}
		int code = (response.errorCode() != null) ? response.errorCode() : 0;
		String description = String.valueOf(response.description());
		String message = "Telegram refused " + method + " to " + this.chatId + ": " + code + " " + description;
		if (code == 429) {
			Integer retryAfter = (response.parameters() != null) ? response.parameters().retryAfter() : null;
			throw ChannelException.rateLimited(message, Duration.ofSeconds((retryAfter != null) ? retryAfter : 60));
		}
		if (code == 401 || code == 403 || description.toLowerCase(Locale.ROOT).contains("chat not found")) {
			throw ChannelException.credentialsRefused(message);
		}
		if (code >= 500 || code == 0) {
			throw ChannelException.transientFailure(message, null);
		}
		throw ChannelException.rejected(message);
	}

	private static BotApiResponse read(ConvertibleClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		BotApiResponse body = null;
		try {
			body = response.bodyTo(BotApiResponse.class);
		}
		catch (RestClientException | IllegalArgumentException ex) {
			// Not the Bot API's JSON: a proxy's error page, or a broken answer.
		}
		if (body != null) {
			return body;
		}
		if (status.is2xxSuccessful()) {
			throw ChannelException
				.outcomeUnknown("Telegram answered HTTP " + status.value() + " with a body that is not the Bot API's");
		}
		return new BotApiResponse(false, null, status.value(), "HTTP " + status.value() + " without a Bot API body",
				null);
	}

	@Override
	public PostPreview preview(Post post) {
		String shown = TelegramMessage.shown(TelegramMessage.html(post));
		return PostPreview.of(post, shown, shown.length(), TelegramMessage.MAX_LENGTH, "characters",
				EnumSet.allOf(PostPreview.Field.class));
	}

	/**
	 * A channel's message link is {@code https://t.me/<username>/<message id>}, or
	 * {@code https://t.me/c/<chat>/<message id>} for a private channel; either may end in
	 * {@code ?single} or a comment anchor.
	 */
	@Override
	public Optional<String> postIdFromUrl(URI postUrl) {
		if (!"t.me".equalsIgnoreCase(postUrl.getHost()) && !"telegram.me".equalsIgnoreCase(postUrl.getHost())) {
			return Optional.empty();
		}
		return Optional.ofNullable(postUrl.getPath())
			.map((path) -> path.split("/"))
			.filter((segments) -> segments.length >= 3)
			.map((segments) -> segments[segments.length - 1])
			.filter((last) -> !last.isEmpty() && last.chars().allMatch(Character::isDigit));
	}

	private static @Nullable String publicUrl(Message message, String messageId) {
		String username = message.chatUsername();
		return (username != null) ? "https://t.me/" + username + "/" + messageId : null;
	}

	/**
	 * The Bot API's answer. {@code result} is a message for sending and editing, and
	 * {@code true} for deleting.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record BotApiResponse(boolean ok, @Nullable JsonNode result,
			@JsonProperty("error_code") @Nullable Integer errorCode, @Nullable String description,
			@Nullable Parameters parameters) {

		@Nullable Message message() {
			if (this.result == null || !this.result.path("message_id").isNumber()) {
				return null;
			}
			JsonNode username = this.result.path("chat").path("username");
			return new Message(this.result.path("message_id").asLong(),
					username.isString() ? username.asString() : null);
		}

	}

	record Message(long messageId, @Nullable String chatUsername) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Parameters(@JsonProperty("retry_after") @Nullable Integer retryAfter) {
	}

}
