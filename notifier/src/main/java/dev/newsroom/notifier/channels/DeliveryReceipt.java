package dev.newsroom.notifier.channels;

import org.jspecify.annotations.Nullable;

/**
 * What a platform said when it took a delivery.
 *
 * @param externalId the platform's id of the post, if it gave one
 * @param externalUrl the public URL of the post, if it can be known
 * @param note what the ledger should add, such as "X said the post exists already"
 */
public record DeliveryReceipt(@Nullable String externalId, @Nullable String externalUrl, @Nullable String note) {

	/**
	 * @param externalId the platform's id of the post
	 * @param externalUrl the public URL of the post
	 * @return a receipt without a note
	 */
	public static DeliveryReceipt of(@Nullable String externalId, @Nullable String externalUrl) {
		return new DeliveryReceipt(externalId, externalUrl, null);
	}

}
