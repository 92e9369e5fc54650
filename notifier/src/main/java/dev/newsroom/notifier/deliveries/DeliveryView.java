package dev.newsroom.notifier.deliveries;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.newsroom.events.notification.Delivery;
import dev.newsroom.events.notification.DeliveryState;
import dev.newsroom.support.kafka.TraceParents;

/**
 * One delivery as the API shows it.
 *
 * @param deliveryId the delivery id
 * @param channel the channel name
 * @param platform the platform
 * @param target where on the platform
 * @param action announce, correct or retract
 * @param articleVersion the article version it was planned from
 * @param state its state
 * @param attempts calls made to the platform
 * @param lastError the latest failure or reason
 * @param postId the platform's id of the post
 * @param postUrl the post's public URL
 * @param plannedAt when it was planned
 * @param nextAttemptAt when it is tried again, if it waits for that
 * @param expiresAt when it expires if still waiting
 * @param updatedAt when it last changed
 * @param updatedBy who changed it last
 * @param leftToEditor whether an editor has something to do by hand: check an uncertain
 * post, or edit or remove a post the platform's API cannot
 * @param traceId the trace id of the editor's request that led to it, if known: the
 * notifier's log lines and spans for this delivery carry it
 */
record DeliveryView(String deliveryId, String channel, String platform, String target, String action,
		long articleVersion, String state, int attempts, @Nullable String lastError, @Nullable String postId,
		@Nullable String postUrl, Instant plannedAt, @Nullable Instant nextAttemptAt, @Nullable Instant expiresAt,
		Instant updatedAt, String updatedBy, boolean leftToEditor, @Nullable String traceId) {

	static DeliveryView of(Delivery delivery) {
		return new DeliveryView(delivery.getDeliveryId(), delivery.getChannel(), delivery.getPlatform(),
				delivery.getTarget(), delivery.getAction().name().toLowerCase(java.util.Locale.ROOT),
				delivery.getArticleVersion(), delivery.getState().name(), delivery.getAttempts(),
				delivery.getLastError(), delivery.getExternalId(), delivery.getExternalUrl(), delivery.getPlannedAt(),
				delivery.getNextAttemptAt(), delivery.getExpiresAt(), delivery.getUpdatedAt(), delivery.getUpdatedBy(),
				delivery.getState() == DeliveryState.UNCERTAIN || delivery.getState() == DeliveryState.LEFT_TO_EDITOR,
				TraceParents.traceId(delivery.getTraceParent()));
	}

}
