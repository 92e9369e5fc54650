package dev.newsroom.notifier.channels;

/**
 * A place where articles are announced: a Telegram channel, an X account, a webhook.
 */
public interface NotificationChannel {

	/**
	 * @return the channel kind, as recorded in deliveries, such as {@code telegram}
	 */
	String kind();

	/**
	 * @return where on the platform announcements go, such as a chat id; never a secret
	 */
	String target();

	/**
	 * Announces an article.
	 * @param announcement what to announce
	 * @return what the platform said
	 * @throws ChannelException if the platform did not accept it
	 */
	DeliveryReceipt deliver(Announcement announcement);

}
