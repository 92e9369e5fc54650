package dev.newsroom.notifier.routing;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import dev.newsroom.notifier.channels.Platform;
import dev.newsroom.notifier.channels.facebook.FacebookSettings;
import dev.newsroom.notifier.channels.instagram.InstagramSettings;
import dev.newsroom.notifier.channels.telegram.TelegramSettings;
import dev.newsroom.notifier.channels.webhook.WebhookSettings;
import dev.newsroom.notifier.channels.x.XSettings;

/**
 * One channel, under {@code newsroom.notifier.channels.<name>}: its platform, that
 * platform's settings, and optionally its own pace and expiry.
 *
 * @param platform which platform it posts to
 * @param telegram settings when the platform is {@code telegram}
 * @param x settings when the platform is {@code x}
 * @param facebook settings when the platform is {@code facebook}
 * @param instagram settings when the platform is {@code instagram}
 * @param webhook settings when the platform is {@code webhook}
 * @param pacing how many posts per period, instead of the platform's documented limit
 * @param expireAfter how long a delivery may wait before it is given up as expired,
 * instead of {@code newsroom.notifier.delivery.expire-after}
 */
public record ChannelSettings(@NotNull Platform platform, @Valid @Nullable TelegramSettings telegram,
		@Valid @Nullable XSettings x, @Valid @Nullable FacebookSettings facebook,
		@Valid @Nullable InstagramSettings instagram, @Valid @Nullable WebhookSettings webhook,
		@Valid @Nullable Pacing pacing, @Nullable Duration expireAfter) {

	/**
	 * A pace: at most {@code limit} posts in any {@code per}.
	 *
	 * @param limit how many; 0 for no limit
	 * @param per the period
	 */
	public record Pacing(@Min(0) int limit, @NotNull Duration per) {
	}

	/**
	 * @return the settings of this channel's platform
	 * @param name the channel's name, for the message
	 * @throws IllegalStateException if they are missing
	 */
	Object platformSettings(String name) {
		Object settings = switch (this.platform) {
			case TELEGRAM -> this.telegram;
			case X -> this.x;
			case FACEBOOK -> this.facebook;
			case INSTAGRAM -> this.instagram;
			case WEBHOOK -> this.webhook;
			case LOG -> Boolean.TRUE;
		};
		if (settings == null) {
			throw new IllegalStateException("Channel '" + name + "' posts to " + this.platform.id() + " but has no "
					+ this.platform.id() + " settings: set newsroom.notifier.channels." + name + "."
					+ this.platform.id() + ".* (see the notifier's README)");
		}
		return settings;
	}

	/**
	 * @return the pace to keep: the configured one, else the platform's documented one,
	 * or {@code null} for none
	 */
	@Nullable Pacing effectivePacing() {
		if (this.pacing != null) {
			return (this.pacing.limit() > 0) ? this.pacing : null;
		}
		Duration period = this.platform.defaultPeriod();
		return (period != null) ? new Pacing(this.platform.defaultLimit(), period) : null;
	}

}
