package dev.newsroom.notifier.announcing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.NotificationChannel;

/**
 * Remembers, for the most recent article events, on which channels they were posted and
 * whether that was recorded, so that an event handled again (a redelivery, or a retry
 * because the audit trail could not be written) is not posted twice. Bounded: the oldest
 * events are forgotten first. It lives in memory, so it does not cover a crash between a
 * post and the commit of the event's offset.
 */
final class PostedAnnouncements {

	private final Map<Key, Posted> posted;

	PostedAnnouncements(int capacity) {
		this.posted = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, Posted> eldest) {
				return size() > capacity;
			}

		};
	}

	synchronized Optional<Posted> find(String eventId, NotificationChannel channel) {
		return Optional.ofNullable(this.posted.get(new Key(eventId, channel.kind(), channel.target())));
	}

	synchronized void posted(String eventId, NotificationChannel channel, int attempt, DeliveryReceipt receipt) {
		this.posted.put(new Key(eventId, channel.kind(), channel.target()), new Posted(attempt, receipt, false));
	}

	synchronized void recorded(String eventId, NotificationChannel channel) {
		this.posted.computeIfPresent(new Key(eventId, channel.kind(), channel.target()),
				(key, posted) -> new Posted(posted.attempt(), posted.receipt(), true));
	}

	private record Key(String eventId, String channel, String target) {
	}

	/**
	 * A post a platform accepted.
	 *
	 * @param attempt the attempt that succeeded
	 * @param receipt what the platform said
	 * @param recorded whether the audit trail has it
	 */
	record Posted(int attempt, DeliveryReceipt receipt, boolean recorded) {
	}

}
