package dev.newsroom.notifier.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.newsroom.notifier.channels.Channel;
import dev.newsroom.notifier.channels.facebook.FacebookChannel;
import dev.newsroom.notifier.channels.facebook.FacebookSettings;
import dev.newsroom.notifier.channels.instagram.InstagramChannel;
import dev.newsroom.notifier.channels.instagram.InstagramSettings;
import dev.newsroom.notifier.channels.log.LogChannel;
import dev.newsroom.notifier.channels.telegram.TelegramChannel;
import dev.newsroom.notifier.channels.telegram.TelegramSettings;
import dev.newsroom.notifier.channels.webhook.WebhookChannel;
import dev.newsroom.notifier.channels.webhook.WebhookSettings;
import dev.newsroom.notifier.channels.x.XChannel;
import dev.newsroom.notifier.channels.x.XSettings;

/**
 * The configured channels, built from their settings, each with its pace and expiry.
 */
public final class Channels {

	private final Map<String, Configured> channels;

	private Channels(Map<String, Configured> channels) {
		this.channels = channels;
	}

	/**
	 * @param settings the channels by name; when empty, one log channel named {@code log}
	 * @param defaultExpiry how long a delivery may wait, unless a channel says otherwise
	 * @param clock the clock
	 * @return the channels
	 * @throws IllegalStateException naming a channel whose settings are incomplete
	 */
	public static Channels of(Map<String, ChannelSettings> settings, Duration defaultExpiry, Clock clock) {
		Map<String, ChannelSettings> configured = settings.isEmpty()
				? Map.of("log", new ChannelSettings(dev.newsroom.notifier.channels.Platform.LOG, null, null, null, null,
						null, null, null))
				: settings;
		Map<String, Configured> channels = new LinkedHashMap<>();
		configured.forEach((name, channel) -> {
			Object platformSettings = channel.platformSettings(name);
			Channel built = switch (channel.platform()) {
				case TELEGRAM -> new TelegramChannel(name, (TelegramSettings) platformSettings);
				case X -> new XChannel(name, (XSettings) platformSettings, clock);
				case FACEBOOK -> new FacebookChannel(name, (FacebookSettings) platformSettings);
				case INSTAGRAM -> new InstagramChannel(name, (InstagramSettings) platformSettings);
				case WEBHOOK -> new WebhookChannel(name, (WebhookSettings) platformSettings, clock);
				case LOG -> new LogChannel(name);
			};
			channels.put(name, new Configured(built, channel.effectivePacing(),
					(channel.expireAfter() != null) ? channel.expireAfter() : defaultExpiry));
		});
		return new Channels(channels);
	}

	/**
	 * @param channels channels already built, for tests
	 * @return them
	 */
	public static Channels of(Collection<Configured> channels) {
		Map<String, Configured> byName = new LinkedHashMap<>();
		channels.forEach((channel) -> byName.put(channel.channel().name(), channel));
		return new Channels(byName);
	}

	/**
	 * @param name a channel name
	 * @return the channel, if configured
	 */
	public Optional<Configured> find(String name) {
		return Optional.ofNullable(this.channels.get(name));
	}

	/**
	 * @return every configured channel
	 */
	public Collection<Configured> all() {
		return this.channels.values();
	}

	/**
	 * @return the names of the configured channels
	 */
	public java.util.Set<String> names() {
		return this.channels.keySet();
	}

	/**
	 * A configured channel.
	 *
	 * @param channel the channel
	 * @param pacing its pace, or {@code null} for none
	 * @param expireAfter how long its deliveries may wait
	 */
	public record Configured(Channel channel, ChannelSettings.@Nullable Pacing pacing, Duration expireAfter) {
	}

}
