package dev.newsroom.notifier.deliveries;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.newsroom.events.notification.Delivery;
import dev.newsroom.events.notification.DeliveryAction;
import dev.newsroom.events.notification.DeliveryState;
import dev.newsroom.notifier.channels.Channel;
import dev.newsroom.notifier.ledger.DeliveryWrites;
import dev.newsroom.notifier.ledger.Ledger;
import dev.newsroom.notifier.routing.Channels;

/**
 * What an editor can do to deliveries, written to the ledger as a new state of the
 * delivery with the editor's name; the channel's worker, on whichever instance, follows
 * it. A retry of an uncertain delivery is the editor's word that the post is not there;
 * {@link #resolvePosted} is the word that it is, with its link.
 */
@Component
class EditorCommands {

	private static final Set<DeliveryState> RETRYABLE = EnumSet.of(DeliveryState.FAILED, DeliveryState.UNCERTAIN,
			DeliveryState.EXPIRED, DeliveryState.CANCELLED, DeliveryState.LEFT_TO_EDITOR, DeliveryState.SKIPPED);

	private static final Set<DeliveryState> CANCELLABLE = EnumSet.of(DeliveryState.PENDING, DeliveryState.PAUSED,
			DeliveryState.UNCERTAIN, DeliveryState.FAILED, DeliveryState.LEFT_TO_EDITOR);

	private static final Set<DeliveryState> RESOLVABLE = EnumSet.of(DeliveryState.UNCERTAIN,
			DeliveryState.LEFT_TO_EDITOR);

	private final Ledger ledger;

	private final DeliveryWrites writes;

	private final Channels channels;

	private final Clock clock;

	EditorCommands(Ledger ledger, DeliveryWrites writes, Channels channels, Clock clock) {
		this.ledger = ledger;
		this.writes = writes;
		this.channels = channels;
		this.clock = clock;
	}

	Delivery retry(String articleId, String deliveryId, String editor) {
		Delivery delivery = find(articleId, deliveryId);
		if (!RETRYABLE.contains(delivery.getState())) {
			throw new DeliveryCommandRefusedException("Delivery " + deliveryId + " is " + delivery.getState()
					+ ": only a delivery that is " + RETRYABLE + " can be retried");
		}
		Instant now = now();
		Duration expireAfter = this.channels.find(delivery.getChannel())
			.map(Channels.Configured::expireAfter)
			.orElse(Duration.ofHours(24));
		Delivery retried = change(delivery, DeliveryState.PENDING, editor, now).setNextAttemptAt(null)
			.setExpiresAt((delivery.getAction() == DeliveryAction.RETRACT) ? null : now.plus(expireAfter))
			.build();
		this.writes.write(retried);
		return retried;
	}

	Delivery cancel(String articleId, String deliveryId, String editor) {
		Delivery delivery = find(articleId, deliveryId);
		if (!CANCELLABLE.contains(delivery.getState())) {
			throw new DeliveryCommandRefusedException("Delivery " + deliveryId + " is " + delivery.getState()
					+ ": only a delivery that is " + CANCELLABLE + " can be cancelled");
		}
		Delivery cancelled = change(delivery, DeliveryState.CANCELLED, editor, now())
			.setLastError("Cancelled by " + editor)
			.build();
		this.writes.write(cancelled);
		return cancelled;
	}

	/**
	 * The editor's word that an uncertain delivery was posted after all, or that a post
	 * left to an editor was made by hand: the delivery becomes DELIVERED with the post's
	 * link, so that a later correction or retraction edits or deletes that post.
	 * @param articleId the article
	 * @param deliveryId the delivery
	 * @param postUrl the post's public link, as the editor found it on the platform
	 * @param externalId the platform's id of the post, or null to take it from the link
	 * @param editor who says so
	 * @return the delivery as now recorded
	 */
	Delivery resolvePosted(String articleId, String deliveryId, @Nullable URI postUrl, @Nullable String externalId,
			String editor) {
		Delivery delivery = find(articleId, deliveryId);
		if (!RESOLVABLE.contains(delivery.getState())) {
			throw new DeliveryCommandRefusedException("Delivery " + deliveryId + " is " + delivery.getState()
					+ ": only a delivery that is " + RESOLVABLE + " can be marked as posted");
		}
		Channel channel = this.channels.find(delivery.getChannel())
			.map(Channels.Configured::channel)
			.orElseThrow(() -> new DeliveryCommandRefusedException("Channel " + delivery.getChannel()
					+ " is no longer configured: its deliveries cannot be resolved"));
		String id = (externalId != null && !externalId.isBlank()) ? externalId.strip()
				: (postUrl != null) ? channel.postIdFromUrl(postUrl).orElse(null) : null;
		boolean announcement = delivery.getAction() == DeliveryAction.ANNOUNCE;
		if (announcement && id == null && delivery.getState() == DeliveryState.UNCERTAIN) {
			throw new InvalidResolutionException((postUrl == null)
					? "Give the post's link (postUrl): later corrections and retractions of this article edit or "
							+ "delete that post"
					: "The link " + postUrl + " does not name a " + channel.platform().displayName()
							+ " post this notifier can find again: give the post's id too (externalId)");
		}
		Delivery.Builder resolved = change(delivery, DeliveryState.DELIVERED, editor, now()).setNextAttemptAt(null)
			.setLastError("Marked as posted by " + editor);
		if (announcement) {
			resolved.setExternalId(id).setExternalUrl((postUrl != null) ? postUrl.toString() : null);
		}
		Delivery posted = resolved.build();
		this.writes.write(posted);
		return posted;
	}

	List<Delivery> resume(String channel, String editor) {
		if (this.channels.find(channel).isEmpty()) {
			throw new DeliveryNotFoundException("No channel " + channel + " is configured");
		}
		List<Delivery> paused = this.ledger.ofChannel(channel)
			.stream()
			.filter((delivery) -> delivery.getState() == DeliveryState.PAUSED)
			.toList();
		if (paused.isEmpty()) {
			throw new DeliveryCommandRefusedException("Channel " + channel + " is not paused");
		}
		Instant now = now();
		List<Delivery> resumed = paused.stream()
			.map((delivery) -> change(delivery, DeliveryState.PENDING, editor, now).setNextAttemptAt(null).build())
			.toList();
		resumed.forEach(this.writes::write);
		return resumed;
	}

	private Delivery find(String articleId, String deliveryId) {
		return this.ledger.find(deliveryId)
			.filter((delivery) -> delivery.getArticleId().equals(articleId))
			.orElseThrow(() -> new DeliveryNotFoundException("Article " + articleId + " has no delivery " + deliveryId
					+ ": list them with GET /api/articles/" + articleId + "/deliveries"));
	}

	private static Delivery.Builder change(Delivery delivery, DeliveryState state, String editor, Instant now) {
		return Delivery.newBuilder(delivery)
			.setState(state)
			.setUpdatedAt(now)
			.setUpdatedBy(editor)
			.setRevision(delivery.getRevision() + 1);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
