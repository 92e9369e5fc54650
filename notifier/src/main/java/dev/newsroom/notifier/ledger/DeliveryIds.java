package dev.newsroom.notifier.ledger;

import java.util.Locale;

import dev.newsroom.events.notification.DeliveryAction;

/**
 * Delivery ids: {@code <channel>:<articleId>:<action>:<articleVersion>}. The same article
 * event always plans the same ids, so that planning it again changes nothing.
 */
public final class DeliveryIds {

	private DeliveryIds() {
	}

	/**
	 * @param channel the channel name
	 * @param articleId the article id
	 * @param action the action
	 * @param articleVersion the article version
	 * @return the delivery id
	 */
	public static String of(String channel, String articleId, DeliveryAction action, long articleVersion) {
		return channel + ":" + articleId + ":" + action.name().toLowerCase(Locale.ROOT) + ":" + articleVersion;
	}

}
