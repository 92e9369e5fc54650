package dev.newsroom.notifier.channels.telegram;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Telegram channel's settings.
 *
 * @param botToken the bot's token as BotFather issued it ({@code <digits>:<secret>});
 * from the environment, never from a committed file
 * @param chatId the channel or group: {@code @channelusername} or a numeric chat id
 * @param apiUrl the Bot API's base URL; change it only to use a local Bot API server
 * @param timeout how long one call may take
 */
public record TelegramSettings(@NotBlank @Pattern(regexp = "[0-9]+:[A-Za-z0-9_-]+",
		message = "must be the token as BotFather issued it: digits, a colon, then letters, digits, - and _") String botToken,
		@NotBlank String chatId, @NotNull @DefaultValue("https://api.telegram.org") URI apiUrl,
		@NotNull @DefaultValue("10s") Duration timeout) {

	@Override
	public String toString() {
		return "TelegramSettings[botToken=(set), chatId=" + this.chatId + ", apiUrl=" + this.apiUrl + "]";
	}

}
