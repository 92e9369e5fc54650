package dev.newsroom.notifier.config;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import dev.newsroom.notifier.channels.NotificationChannel;
import dev.newsroom.notifier.channels.log.LogChannel;
import dev.newsroom.notifier.channels.telegram.TelegramChannel;

/**
 * Builds the channels that settings turn on. Telegram is on when it has a bot token; the
 * log channel is on when asked for, or when no other channel is.
 */
@Configuration(proxyBeanMethods = false)
class ChannelsConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ChannelsConfiguration.class);

	@Bean
	List<NotificationChannel> notificationChannels(NotifierProperties properties, RestClient.Builder restClients) {
		List<NotificationChannel> channels = new ArrayList<>();
		NotifierProperties.Telegram telegram = properties.telegram();
		if (telegram.enabled()) {
			if (telegram.chatId() == null || telegram.chatId().isBlank()) {
				throw new IllegalStateException("newsroom.notifier.telegram.bot-token is set but chat-id is not: "
						+ "set newsroom.notifier.telegram.chat-id to @channelusername or a numeric chat id");
			}
			channels.add(new TelegramChannel(restClients.clone(), telegram.apiUrl(), telegram.botToken(),
					telegram.chatId(), telegram.timeout()));
		}
		Boolean logEnabled = properties.logChannel().enabled();
		if ((logEnabled == null) ? channels.isEmpty() : logEnabled) {
			channels.add(new LogChannel());
		}
		logger.info("Announcing on channels: {}",
				channels.stream().map((channel) -> channel.kind() + " -> " + channel.target()).toList());
		return List.copyOf(channels);
	}

	@Bean
	RestClientCustomizer userAgent() {
		return (builder) -> builder.defaultHeader("User-Agent", "Newsroom-Notifier");
	}

}
