package dev.newsroom.publisher.lifecycle;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.publisher.lifecycle.ArticleCommand.Change;
import dev.newsroom.publisher.lifecycle.ArticleCommand.Content;
import dev.newsroom.publisher.lifecycle.Decision.Accepted;
import dev.newsroom.publisher.lifecycle.Decision.Ignored;
import dev.newsroom.publisher.lifecycle.Decision.Rejected;
import dev.newsroom.publisher.catalogue.ArticleStatuses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle rules, without Kafka: each command against each state.
 */
class ArticleDeciderTests {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private final ArticleDecider decider = new ArticleDecider(URI.create("https://news.example"));

	private final String id = ArticleDecider.articleIdFor("en", "budget-passes");

	@Test
	void articleIdIsDerivedFromEditionAndSlugSoThatOneWriterOwnsTheSlug() {
		assertThat(ArticleDecider.articleIdFor("en", "budget-passes")).isEqualTo(this.id);
		assertThat(ArticleDecider.articleIdFor("ru", "budget-passes")).isNotEqualTo(this.id);
	}

	@Test
	void editorCreatesAPublishedArticleAtVersionOne() {
		ArticleEvent event = accepted(null, create(false, null), true);
		assertThat(event.getType()).isEqualTo(ArticleEventType.PUBLISHED);
		assertThat(event.getArticle().getVersion()).isEqualTo(1);
		assertThat(event.getArticle().getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(event.getArticle().getPublishedAt()).isEqualTo(NOW);
		assertThat(event.getArticle().getCanonicalUrl()).isEqualTo("https://news.example/en/politics/budget-passes");
		assertThat(event.getActor()).isEqualTo("leyla");
	}

	@Test
	void writerMayCreateADraftButNotPublish() {
		ArticleEvent draft = accepted(null, create(true, null), false);
		assertThat(draft.getType()).isEqualTo(ArticleEventType.DRAFTED);
		assertThat(draft.getArticle().getPublishedAt()).isNull();
		assertThat(rejected(null, create(false, null), false).problem().status()).isEqualTo(403);
	}

	@Test
	void secondCreateOfTheSameSlugIsAConflictNamingTheHolder() {
		ArticleEvent existing = accepted(null, create(false, null), true);
		Rejected rejected = rejected(existing, create(false, null), true);
		assertThat(rejected.problem().status()).isEqualTo(409);
		assertThat(rejected.problem().properties()).containsEntry("articleId", this.id);
	}

	@Test
	void slugHeldByAnOlderArticleIsAConflictToo() {
		Decision decision = this.decider.decide(null, "older-id", envelope(create(false, null), true), NOW);
		assertThat(decision).isInstanceOfSatisfying(Rejected.class,
				(rejected) -> assertThat(rejected.problem().properties()).containsEntry("articleId", "older-id"));
	}

	@Test
	void staleVersionIsRefusedWithTheCurrentVersion() {
		ArticleEvent v1 = accepted(null, create(false, null), true);
		Rejected rejected = rejected(v1, new ArticleCommand.Publish(this.id, 7), true);
		assertThat(rejected.problem().status()).isEqualTo(412);
		assertThat(rejected.problem().properties()).containsEntry("currentVersion", 1L);
	}

	@Test
	void updateOfAPublishedArticleMustSayWhetherItIsACorrection() {
		ArticleEvent v1 = accepted(null, create(false, null), true);
		assertThat(rejected(v1, revise(1, null), true).problem().status()).isEqualTo(400);

		ArticleEvent corrected = accepted(v1, revise(1, new Change(Change.Kind.CORRECTION, "The vote was 71-30.")),
				true);
		assertThat(corrected.getType()).isEqualTo(ArticleEventType.UPDATED);
		assertThat(corrected.getCorrection().getNote()).isEqualTo("The vote was 71-30.");
		assertThat(corrected.getArticle().getCorrections()).singleElement()
			.satisfies((correction) -> assertThat(correction.getVersion()).isEqualTo(2));
		assertThat(corrected.getArticle().getPublishedAt()).isEqualTo(v1.getArticle().getPublishedAt());

		ArticleEvent fixed = accepted(corrected, revise(2, new Change(Change.Kind.SILENT_FIX, null)), true);
		assertThat(fixed.getCorrection()).isNull();
		assertThat(fixed.getArticle().getCorrections()).hasSize(1);
	}

	@Test
	void writerMayEditADraftButNotAPublishedArticle() {
		ArticleEvent draft = accepted(null, create(true, null), false);
		assertThat(accepted(draft, revise(1, null), false).getType()).isEqualTo(ArticleEventType.DRAFTED);
		ArticleEvent published = accepted(null, create(false, null), true);
		assertThat(rejected(published, revise(1, new Change(Change.Kind.SILENT_FIX, null)), false).problem().status())
			.isEqualTo(403);
	}

	@Test
	void slugCannotChange() {
		ArticleEvent v1 = accepted(null, create(false, null), true);
		Content moved = new Content("en", "politics", "other-slug", "T", "L", "<p>B</p>", List.of(), List.of(), null,
				false);
		Rejected rejected = rejected(v1, new ArticleCommand.Revise(this.id, 1, moved, null), true);
		assertThat(rejected.problem().type()).isEqualTo("slug-fixed");
	}

	@Test
	void scheduledArticleIsPublishedWhenDueAndRecordsHowLate() {
		Instant publishAt = NOW.minusSeconds(90);
		ArticleEvent scheduled = accepted(null, create(false, publishAt), true);
		assertThat(scheduled.getType()).isEqualTo(ArticleEventType.SCHEDULED);
		assertThat(scheduled.getArticle().getPublishAt()).isEqualTo(publishAt);

		ArticleEvent published = accepted(scheduled, new ArticleCommand.PublishDue(this.id, 1), true);
		assertThat(published.getType()).isEqualTo(ArticleEventType.PUBLISHED);
		assertThat(published.getPublishDelayMillis()).isEqualTo(90_000);
		assertThat(published.getActor()).isEqualTo(ScheduledPublications.ACTOR);
	}

	@Test
	void duePublicationOvertakenByALaterChangeIsIgnored() {
		ArticleEvent scheduled = accepted(null, create(false, NOW.plusSeconds(60)), true);
		ArticleEvent moved = accepted(scheduled, new ArticleCommand.Schedule(this.id, 1, NOW.minusSeconds(1)), true);
		assertThat(this.decider.decide(moved, null, envelope(new ArticleCommand.PublishDue(this.id, 1), true), NOW))
			.isInstanceOf(Ignored.class);
		assertThat(accepted(moved, new ArticleCommand.PublishDue(this.id, 2), true).getType())
			.isEqualTo(ArticleEventType.PUBLISHED);
	}

	@Test
	void duePublicationBeforeItsTimeIsIgnored() {
		ArticleEvent scheduled = accepted(null, create(false, NOW.plusSeconds(60)), true);
		assertThat(this.decider.decide(scheduled, null, envelope(new ArticleCommand.PublishDue(this.id, 1), true), NOW))
			.isInstanceOf(Ignored.class);
	}

	@Test
	void cancellingAScheduleMakesADraft() {
		ArticleEvent scheduled = accepted(null, create(false, NOW.plusSeconds(60)), true);
		ArticleEvent cancelled = accepted(scheduled, new ArticleCommand.CancelSchedule(this.id, 1), true);
		assertThat(cancelled.getType()).isEqualTo(ArticleEventType.SCHEDULE_CANCELLED);
		assertThat(cancelled.getArticle().getStatus()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(cancelled.getArticle().getPublishAt()).isNull();
		assertThat(rejected(cancelled, new ArticleCommand.CancelSchedule(this.id, 2), true).problem().status())
			.isEqualTo(409);
	}

	@Test
	void unpublishingNeedsAPublishedArticleAndKeepsTheReason() {
		ArticleEvent draft = accepted(null, create(true, null), true);
		assertThat(rejected(draft, new ArticleCommand.Unpublish(this.id, 1, "Legal"), true).problem().status())
			.isEqualTo(409);
		ArticleEvent published = accepted(draft, new ArticleCommand.Publish(this.id, 1), true);
		ArticleEvent retracted = accepted(published, new ArticleCommand.Unpublish(this.id, 2, "Legal request"), true);
		assertThat(retracted.getType()).isEqualTo(ArticleEventType.UNPUBLISHED);
		assertThat(retracted.getArticle().getRetraction().getReason()).isEqualTo("Legal request");
		assertThat(rejected(retracted, new ArticleCommand.Publish(this.id, 3), true).problem().status()).isEqualTo(409);
	}

	@Test
	void commandForAnUnknownArticleIsNotFound() {
		assertThat(rejected(null, new ArticleCommand.Publish(this.id, 1), true).problem().status()).isEqualTo(404);
	}

	@Test
	void statusOfEventsWrittenBeforeTheStatusFieldIsInferredFromTheirType() {
		ArticleEvent published = accepted(null, create(false, null), true);
		published.getArticle().setStatus(ArticleStatus.UNKNOWN);
		assertThat(ArticleStatuses.after(published)).isEqualTo(ArticleStatus.PUBLISHED);
		published.setType(ArticleEventType.UNPUBLISHED);
		assertThat(ArticleStatuses.after(published)).isEqualTo(ArticleStatus.UNPUBLISHED);
	}

	private ArticleCommand.Create create(boolean draft, Instant publishAt) {
		return new ArticleCommand.Create(this.id, content(), publishAt, draft);
	}

	private ArticleCommand.Revise revise(long version, Change change) {
		return new ArticleCommand.Revise(this.id, version, content(), change);
	}

	private static Content content() {
		return new Content("en", "politics", "budget-passes", "Budget passes", "Parliament approved it.",
				"<p>In a late vote</p>", List.of(new ArticleCommand.Byline("Leyla Aliyeva", null)), List.of("budget"),
				null, true);
	}

	private ArticleEvent accepted(ArticleEvent current, ArticleCommand command, boolean editor) {
		Decision decision = this.decider.decide(current, null, envelope(command, editor), NOW);
		assertThat(decision).isInstanceOf(Accepted.class);
		return ((Accepted) decision).event();
	}

	private Rejected rejected(ArticleEvent current, ArticleCommand command, boolean editor) {
		Decision decision = this.decider.decide(current, null, envelope(command, editor), NOW);
		assertThat(decision).isInstanceOf(Rejected.class);
		return (Rejected) decision;
	}

	private static CommandEnvelope envelope(ArticleCommand command, boolean editor) {
		return new CommandEnvelope("c-1", "leyla", editor, null, null, null, -1, command);
	}

}
