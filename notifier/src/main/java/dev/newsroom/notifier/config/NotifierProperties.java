package dev.newsroom.notifier.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.newsroom.support.kafka.TopicSpec;

/**
 * Settings of the notifier, under {@code newsroom.notifier}.
 *
 * @param articlesTopic the topic of article lifecycle events to announce; the publisher
 * owns and creates it
 * @param deliveriesTopic where every delivery attempt is recorded
 * @param deadLetterTopic where article events that cannot be read or handled go
 * @param maxEventAge events older than this are not announced, so that a new consumer
 * group reading the compacted topic from the start does not announce old news
 * @param delivery how often and how patiently a channel is retried
 * @param telegram the Telegram channel; on when a bot token is set
 * @param logChannel the log channel
 */
@Validated
@ConfigurationProperties("newsroom.notifier")
public record NotifierProperties(@NotBlank String articlesTopic, @Valid @NotNull TopicSpec deliveriesTopic,
		@Valid @NotNull TopicSpec deadLetterTopic, @NotNull @DefaultValue("6h") Duration maxEventAge,
		@Valid @NotNull @DefaultValue Delivery delivery, @Valid @NotNull @DefaultValue Telegram telegram,
		@Valid @NotNull @DefaultValue LogChannel logChannel) {

	/**
	 * Retries of one channel for one announcement, and of an article event the notifier
	 * could not handle. The consumer's {@code max.poll.interval.ms} must exceed the
	 * longest time one event can take: channels × max-attempts × max-wait.
	 *
	 * @param maxAttempts attempts in all, the first included
	 * @param backoff wait before the second attempt; doubles with each further attempt
	 * @param maxWait the longest wait between two attempts, also when a platform asks for
	 * a longer one
	 * @param auditTimeout how long recording an attempt on the deliveries topic may take
	 * @param redeliveryBackoff first wait before an event that failed (say, its audit
	 * record could not be written) is handled again; doubles each time
	 * @param redeliveryLimit how long such an event is retried before it is dead-lettered
	 * @param rememberedEvents how many recent events the notifier remembers as posted, so
	 * that handling one again does not post it twice
	 */
	public record Delivery(@Min(1) @Max(10) @DefaultValue("3") int maxAttempts,
			@NotNull @DefaultValue("1s") Duration backoff, @NotNull @DefaultValue("30s") Duration maxWait,
			@NotNull @DefaultValue("30s") Duration auditTimeout,
			@NotNull @DefaultValue("1s") Duration redeliveryBackoff,
			@NotNull @DefaultValue("1m") Duration redeliveryLimit,
			@Min(100) @DefaultValue("10000") int rememberedEvents) {
	}

	/**
	 * The Telegram channel.
	 *
	 * @param botToken the bot's token from BotFather; set it from the environment
	 * ({@code NEWSROOM_NOTIFIER_TELEGRAM_BOT_TOKEN}), never in a committed file
	 * @param chatId the channel or group: {@code @channelusername} or a numeric chat id
	 * @param apiUrl the Bot API's base URL; change it only to use a local Bot API server
	 * @param timeout how long one call may take
	 */
	public record Telegram(@Nullable String botToken, @Nullable String chatId,
			@NotNull @DefaultValue("https://api.telegram.org") URI apiUrl,
			@NotNull @DefaultValue("10s") Duration timeout) {

		/**
		 * @return whether a token is set
		 */
		public boolean enabled() {
			return this.botToken != null && !this.botToken.isBlank();
		}

		@Override
		public String toString() {
			return "Telegram[botToken=" + (enabled() ? "(set)" : "(not set)") + ", chatId=" + this.chatId + ", apiUrl="
					+ this.apiUrl + ", timeout=" + this.timeout + "]";
		}

	}

	/**
	 * The log channel.
	 *
	 * @param enabled {@code true} or {@code false}; when not set, the log channel is on
	 * only if no other channel is configured
	 */
	public record LogChannel(@Nullable Boolean enabled) {
	}

}
