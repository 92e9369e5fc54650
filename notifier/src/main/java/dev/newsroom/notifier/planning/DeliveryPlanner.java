package dev.newsroom.notifier.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.Correction;
import dev.newsroom.events.notification.Delivery;
import dev.newsroom.events.notification.DeliveryAction;
import dev.newsroom.events.notification.DeliveryState;
import dev.newsroom.events.notification.Post;
import dev.newsroom.notifier.ledger.DeliveryIds;
import dev.newsroom.notifier.routing.Channels;
import dev.newsroom.notifier.routing.Routes;

/**
 * Turns an article event into deliveries: a publication into an announcement on every
 * channel its edition and section are routed to; a public correction into a correction,
 * and a retraction into a removal, on every channel the article was announced on or is
 * routed to. A silent fix, a draft or a schedule plans nothing, nor does a publication
 * older than the maximum event age (a new consumer group reading the compacted topic from
 * its start must not announce old news), nor a delivery the ledger has already.
 */
public final class DeliveryPlanner {

	/** Who the ledger says planned or changed a delivery, when no editor did. */
	public static final String NOTIFIER = "notifier";

	private final Routes routes;

	private final Channels channels;

	private final Duration maxEventAge;

	private final Clock clock;

	public DeliveryPlanner(Routes routes, Channels channels, Duration maxEventAge, Clock clock) {
		this.routes = routes;
		this.channels = channels;
		this.maxEventAge = maxEventAge;
		this.clock = clock;
	}

	/**
	 * @param event an article event
	 * @param known whether the ledger has a delivery id already
	 * @param announcedOn the channels the ledger has announcements of the article for
	 * @return the new deliveries, in the PENDING state
	 */
	public List<Delivery> plan(ArticleEvent event, Predicate<String> known, Function<String, Set<String>> announcedOn) {
		Article article = event.getArticle();
		DeliveryAction action = actionOf(event);
		if (action == null) {
			return List.of();
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (action == DeliveryAction.ANNOUNCE
				&& Duration.between(event.getOccurredAt(), now).compareTo(this.maxEventAge) > 0) {
			return List.of();
		}
		Set<String> targets = new LinkedHashSet<>(
				this.routes.channelsFor(article.getEdition(), article.getSection(), article.getBreaking()));
		if (action != DeliveryAction.ANNOUNCE) {
			targets.addAll(announcedOn.apply(article.getId()));
		}
		List<Delivery> deliveries = new ArrayList<>();
		for (String channel : targets) {
			Channels.Configured configured = this.channels.find(channel).orElse(null);
			if (configured == null) {
				// Announced on a channel that has since been removed from the settings.
				continue;
			}
			String id = DeliveryIds.of(channel, article.getId(), action, article.getVersion());
			if (known.test(id)) {
				continue;
			}
			deliveries.add(Delivery.newBuilder()
				.setDeliveryId(id)
				.setChannel(channel)
				.setPlatform(configured.channel().platform().id())
				.setTarget(configured.channel().target())
				.setArticleId(article.getId())
				.setArticleVersion(article.getVersion())
				.setEventId(event.getEventId())
				.setAction(action)
				.setPost(post(event))
				.setState(DeliveryState.PENDING)
				.setAttempts(0)
				.setPlannedAt(now)
				.setExpiresAt((action == DeliveryAction.RETRACT) ? null : now.plus(configured.expireAfter()))
				.setUpdatedAt(now)
				.setUpdatedBy(NOTIFIER)
				.setRevision(1)
				.build());
		}
		return deliveries;
	}

	private static @Nullable DeliveryAction actionOf(ArticleEvent event) {
		return switch (event.getType()) {
			case PUBLISHED -> DeliveryAction.ANNOUNCE;
			case UPDATED -> (event.getCorrection() != null) ? DeliveryAction.CORRECT : null;
			case UNPUBLISHED -> DeliveryAction.RETRACT;
			default -> null;
		};
	}

	private static Post post(ArticleEvent event) {
		Article article = event.getArticle();
		Correction correction = event.getCorrection();
		return Post.newBuilder()
			.setTitle(article.getTitle())
			.setLead(article.getLead())
			.setUrl(article.getCanonicalUrl())
			.setEdition(article.getEdition())
			.setSection(article.getSection())
			.setBreaking(article.getBreaking())
			.setImageUrl((article.getHeroImage() != null) ? article.getHeroImage().getUrl() : null)
			.setCorrectionNote((correction != null) ? correction.getNote() : null)
			.setRetractionReason((article.getRetraction() != null) ? article.getRetraction().getReason() : null)
			.build();
	}

}
