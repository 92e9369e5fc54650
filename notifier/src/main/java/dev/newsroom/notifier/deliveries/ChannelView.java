package dev.newsroom.notifier.deliveries;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.newsroom.events.notification.Delivery;
import dev.newsroom.notifier.ledger.Ledger;
import dev.newsroom.notifier.routing.Channels;

/**
 * A channel as the API shows it: whether it is paused and why, and how many deliveries
 * are in each state.
 *
 * @param name the channel name
 * @param platform the platform
 * @param target where on the platform
 * @param paused whether it is paused
 * @param pausedBecause why
 * @param deliveries how many deliveries are in each state
 */
record ChannelView(String name, String platform, String target, boolean paused, @Nullable String pausedBecause,
		Map<String, Long> deliveries) {

	static ChannelView of(Channels.Configured configured, Ledger ledger) {
		String name = configured.channel().name();
		Map<String, Long> counts = new TreeMap<>();
		for (Delivery delivery : ledger.ofChannel(name)) {
			counts.merge(delivery.getState().name(), 1L, Long::sum);
		}
		String reason = ledger.pauseReason(name).orElse(null);
		return new ChannelView(name, configured.channel().platform().id(), configured.channel().target(),
				reason != null, reason, counts);
	}

}
