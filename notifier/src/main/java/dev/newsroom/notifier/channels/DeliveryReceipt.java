package dev.newsroom.notifier.channels;

import org.jspecify.annotations.Nullable;

/**
 * What a platform said when it accepted an announcement.
 *
 * @param externalId the platform's id of the post, if it gave one
 * @param externalUrl the public URL of the post, if it can be known
 */
public record DeliveryReceipt(@Nullable String externalId, @Nullable String externalUrl) {
}
