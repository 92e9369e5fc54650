package dev.newsroom.notifier.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.events.article.Correction;
import dev.newsroom.events.article.Image;
import dev.newsroom.events.article.Retraction;
import dev.newsroom.events.notification.Delivery;
import dev.newsroom.events.notification.DeliveryAction;
import dev.newsroom.events.notification.DeliveryState;
import dev.newsroom.notifier.channels.Platform;
import dev.newsroom.notifier.routing.ChannelSettings;
import dev.newsroom.notifier.routing.Channels;
import dev.newsroom.notifier.routing.RouteSettings;
import dev.newsroom.notifier.routing.Routes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which deliveries an article event plans, by the routes.
 */
class DeliveryPlannerTests {

	private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

	private final Channels channels = Channels.of(Map.of("telegram-en", log(), "telegram-ru", log(), "alerts", log()),
			Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC));

	private final Routes routes = Routes.of(this.channels.names(),
			List.of(new RouteSettings(List.of("en"), List.of(), false, List.of("telegram-en")),
					new RouteSettings(List.of("ru"), List.of(), false, List.of("telegram-ru")),
					new RouteSettings(List.of(), List.of(), true, List.of("alerts"))));

	private final DeliveryPlanner planner = new DeliveryPlanner(this.routes, this.channels, Duration.ofHours(6),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aPublicationIsAnnouncedOnTheChannelsItsEditionIsRoutedTo() {
		List<Delivery> planned = plan(event(ArticleEventType.PUBLISHED, "ru", false, 1));

		assertThat(planned).extracting(Delivery::getDeliveryId).containsExactly("telegram-ru:a-1:announce:1");
		Delivery delivery = planned.get(0);
		assertThat(delivery.getState()).isEqualTo(DeliveryState.PENDING);
		assertThat(delivery.getAction()).isEqualTo(DeliveryAction.ANNOUNCE);
		assertThat(delivery.getPost().getImageUrl()).isEqualTo("https://img.example/a-1.jpg");
		assertThat(delivery.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
		assertThat(delivery.getUpdatedBy()).isEqualTo("notifier");
	}

	@Test
	void breakingNewsAlsoGoesToTheBreakingRoute() {
		assertThat(plan(event(ArticleEventType.PUBLISHED, "en", true, 1))).extracting(Delivery::getDeliveryId)
			.containsExactly("telegram-en:a-1:announce:1", "alerts:a-1:announce:1");
	}

	@Test
	void aCorrectionGoesWhereverTheArticleWasAnnouncedAndARetractionNeverExpires() {
		ArticleEvent corrected = event(ArticleEventType.UPDATED, "en", false, 2);
		corrected.setCorrection(new Correction("The vote was 120 to 30.", 2L, NOW));
		List<Delivery> corrections = this.planner.plan(corrected, (id) -> false, (article) -> Set.of("alerts"));
		assertThat(corrections).extracting(Delivery::getDeliveryId)
			.containsExactly("telegram-en:a-1:correct:2", "alerts:a-1:correct:2");
		assertThat(corrections.get(0).getPost().getCorrectionNote()).isEqualTo("The vote was 120 to 30.");

		ArticleEvent retracted = event(ArticleEventType.UNPUBLISHED, "en", false, 3);
		retracted.getArticle().setRetraction(new Retraction("Legal", NOW));
		List<Delivery> retractions = plan(retracted);
		assertThat(retractions).extracting(Delivery::getDeliveryId).containsExactly("telegram-en:a-1:retract:3");
		assertThat(retractions.get(0).getExpiresAt()).isNull();
		assertThat(retractions.get(0).getPost().getRetractionReason()).isEqualTo("Legal");
	}

	@Test
	void silentFixesDraftsAndSchedulesPlanNothing() {
		assertThat(plan(event(ArticleEventType.UPDATED, "en", false, 2))).isEmpty();
		assertThat(plan(event(ArticleEventType.DRAFTED, "en", false, 1))).isEmpty();
		assertThat(plan(event(ArticleEventType.SCHEDULED, "en", false, 1))).isEmpty();
	}

	@Test
	void oldNewsIsNotAnnounced() {
		ArticleEvent old = event(ArticleEventType.PUBLISHED, "en", false, 1);
		old.setOccurredAt(NOW.minus(Duration.ofHours(7)));
		assertThat(plan(old)).isEmpty();
	}

	@Test
	void planningTheSameEventAgainPlansNothingTheLedgerHas() {
		ArticleEvent event = event(ArticleEventType.PUBLISHED, "en", true, 1);
		assertThat(this.planner.plan(event, "telegram-en:a-1:announce:1"::equals, (article) -> Set.of()))
			.extracting(Delivery::getDeliveryId)
			.containsExactly("alerts:a-1:announce:1");
	}

	private List<Delivery> plan(ArticleEvent event) {
		return this.planner.plan(event, (id) -> false, (article) -> Set.of());
	}

	private static ChannelSettings log() {
		return new ChannelSettings(Platform.LOG, null, null, null, null, null, null, null);
	}

	static ArticleEvent event(ArticleEventType type, String edition, boolean breaking, long version) {
		Article article = Article.newBuilder()
			.setId("a-1")
			.setVersion(version)
			.setEdition(edition)
			.setSection("politics")
			.setSlug("budget")
			.setCanonicalUrl("https://news.example/" + edition + "/politics/budget")
			.setTitle("Budget passes")
			.setLead("Parliament approved it.")
			.setBody("<p>Body</p>")
			.setHeroImage(new Image("https://img.example/a-1.jpg", null, null))
			.setBreaking(breaking)
			.setUpdatedAt(NOW)
			.setStatus(ArticleStatus.PUBLISHED)
			.build();
		return ArticleEvent.newBuilder()
			.setEventId("e-" + version)
			.setType(type)
			.setOccurredAt(NOW)
			.setActor("editor-1")
			.setArticle(article)
			.build();
	}

}
