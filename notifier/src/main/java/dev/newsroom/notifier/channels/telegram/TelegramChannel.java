package dev.newsroom.notifier.channels.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClientException;

import dev.newsroom.notifier.channels.Announcement;
import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.NotificationChannel;

/**
 * Announces on a Telegram channel or group with the Bot API's {@code sendMessage}, in
 * HTML parse mode. Follows the Bot API's error contract: {@code ok=false} with an
 * {@code error_code} and a {@code description}, and for 429 a
 * {@code parameters.retry_after} in seconds. 429 and 5xx are worth retrying; 400, 401 and
 * 403 (bad chat, bad token, bot not allowed to post) are not. The bot token is part of
 * the URL, so it is passed as a URI variable (metrics and observations see only the
 * template {@code /bot{token}/sendMessage}) and no URL ever reaches a message or a log.
 */
public class TelegramChannel implements NotificationChannel {

	private final RestClient http;

	private final String botToken;

	private final String chatId;

	public TelegramChannel(RestClient.Builder builder, URI apiUrl, String botToken, String chatId, Duration timeout) {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(timeout).build());
		requestFactory.setReadTimeout(timeout);
		this.http = builder.baseUrl(apiUrl.toString().replaceAll("/+$", "")).requestFactory(requestFactory).build();
		this.botToken = botToken;
		this.chatId = chatId;
	}

	@Override
	public String kind() {
		return "telegram";
	}

	@Override
	public String target() {
		return this.chatId;
	}

	@Override
	public DeliveryReceipt deliver(Announcement announcement) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("chat_id", this.chatId);
		request.put("text", TelegramMessage.html(announcement));
		request.put("parse_mode", "HTML");
		request.put("link_preview_options", Map.of("url", announcement.url(), "prefer_large_media", true));
		BotApiResponse response;
		try {
			response = this.http.post()
				.uri("/bot{token}/sendMessage", this.botToken)
				.contentType(MediaType.APPLICATION_JSON)
				.body(request)
				.exchange((req, res) -> read(res), true);
		}
		catch (ResourceAccessException ex) {
			throw new ChannelException("Telegram Bot API could not be reached: " + rootCause(ex), true, null);
		}
		catch (RestClientException ex) {
			throw new ChannelException("Telegram Bot API answered something unreadable: " + rootCause(ex), true, null);
		}
		if (response.ok() && response.result() != null) {
			String messageId = String.valueOf(response.result().messageId());
			return new DeliveryReceipt(messageId, publicUrl(response.result(), messageId));
		}
		int code = (response.errorCode() != null) ? response.errorCode() : 0;
		String description = "Telegram refused sendMessage to " + this.chatId + ": " + code + " "
				+ response.description();
		Integer retryAfter = (response.parameters() != null) ? response.parameters().retryAfter() : null;
		boolean retryable = code == 429 || code >= 500 || code == 0;
		throw new ChannelException(description, retryable,
				(retryAfter != null) ? Duration.ofSeconds(retryAfter) : null);
	}

	private static BotApiResponse read(ConvertibleClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		BotApiResponse body = null;
		try {
			body = response.bodyTo(BotApiResponse.class);
		}
		catch (RestClientException | IllegalArgumentException ex) {
			// Not the Bot API's JSON (a proxy's error page, say): fall back to the
			// status.
		}
		if (body != null) {
			return body;
		}
		return new BotApiResponse(false, null, status.value(), "HTTP " + status.value() + " without a Bot API body",
				null);
	}

	private static @Nullable String publicUrl(Message message, String messageId) {
		String username = (message.chat() != null) ? message.chat().username() : null;
		return (username != null) ? "https://t.me/" + username + "/" + messageId : null;
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record BotApiResponse(boolean ok, @Nullable Message result, @JsonProperty("error_code") @Nullable Integer errorCode,
			@Nullable String description, @Nullable Parameters parameters) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Message(@JsonProperty("message_id") long messageId, @Nullable Chat chat) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Chat(long id, @Nullable String username) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Parameters(@JsonProperty("retry_after") @Nullable Integer retryAfter) {
	}

}
