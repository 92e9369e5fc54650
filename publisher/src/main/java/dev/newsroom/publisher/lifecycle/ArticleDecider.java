package dev.newsroom.publisher.lifecycle;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.events.article.Author;
import dev.newsroom.events.article.Correction;
import dev.newsroom.events.article.Image;
import dev.newsroom.events.article.Retraction;
import dev.newsroom.publisher.lifecycle.ArticleCommand.Change;
import dev.newsroom.publisher.lifecycle.ArticleCommand.Content;
import dev.newsroom.publisher.lifecycle.Decision.Accepted;
import dev.newsroom.publisher.lifecycle.Decision.Ignored;
import dev.newsroom.publisher.lifecycle.Decision.Problem;
import dev.newsroom.publisher.lifecycle.Decision.Rejected;
import dev.newsroom.publisher.catalogue.ArticleStatuses;

/**
 * The rules of an article's lifecycle, as a pure function from the article as it stands
 * and a command to the event that applies it, or the reason it is refused. Only the
 * single writer of the article's partition calls it, so {@code current} is never stale.
 */
public final class ArticleDecider {

	private final URI siteUrl;

	/**
	 * @param siteUrl the public site's base URL, for canonical URLs
	 */
	public ArticleDecider(URI siteUrl) {
		this.siteUrl = siteUrl;
	}

	/**
	 * @param edition the edition
	 * @param slug the slug
	 * @return the id of the article that holds this slug in this edition. Deriving the id
	 * from the slug sends two creates of one slug to the same single writer, wherever
	 * they arrive, so that only one can win.
	 */
	public static String articleIdFor(String edition, String slug) {
		return UUID.nameUUIDFromBytes(("newsroom:article:" + edition + "/" + slug).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/**
	 * Decides a command.
	 * @param current the article as it stands, or {@code null} if there is none
	 * @param slugHolder the id of another article already holding the command's slug, if
	 * any (articles created before ids were derived from slugs)
	 * @param envelope the command and who sent it
	 * @param now the current time
	 * @return the decision
	 */
	public Decision decide(@Nullable ArticleEvent current, @Nullable String slugHolder, CommandEnvelope envelope,
			Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MILLIS);
		ArticleCommand command = envelope.command();
		if (command instanceof ArticleCommand.Create create) {
			return create(current, slugHolder, create, envelope, at);
		}
		if (current == null) {
			if (command instanceof ArticleCommand.PublishDue) {
				return new Ignored("the article does not exist");
			}
			return reject(404, "article-not-found", "Article not found",
					"There is no article " + command.articleId() + ".", command.articleId());
		}
		Article article = current.getArticle();
		ArticleStatus status = ArticleStatuses.after(current);
		if (command instanceof ArticleCommand.PublishDue due) {
			return publishDue(article, status, due, at);
		}
		long expected = ((ArticleCommand.Versioned) command).expectedVersion();
		if (expected != article.getVersion()) {
			return new Rejected(problem(412, "version-mismatch", "Stale version", "The article is at version "
					+ article.getVersion() + ", not " + expected
					+ ". Read it again, apply your change to the current version, and send that version in If-Match.",
					article.getId())
				.with("currentVersion", article.getVersion()));
		}
		if (command instanceof ArticleCommand.Revise revise) {
			return revise(article, status, revise, envelope, at);
		}
		if (command instanceof ArticleCommand.Publish) {
			return publish(article, status, envelope, at);
		}
		if (command instanceof ArticleCommand.Schedule schedule) {
			return schedule(article, status, schedule.publishAt(), envelope, at);
		}
		if (command instanceof ArticleCommand.CancelSchedule) {
			return cancel(article, status, envelope, at);
		}
		ArticleCommand.Unpublish unpublish = (ArticleCommand.Unpublish) command;
		return unpublish(article, status, unpublish.reason(), envelope, at);
	}

	private Decision create(@Nullable ArticleEvent current, @Nullable String slugHolder, ArticleCommand.Create create,
			CommandEnvelope envelope, Instant at) {
		Content content = create.content();
		String holder = (current != null) ? current.getArticle().getId() : slugHolder;
		if (holder != null) {
			String url = (current != null) ? current.getArticle().getCanonicalUrl() : canonicalUrl(content);
			return new Rejected(problem(409, "slug-taken", "Slug already used",
					"The slug '" + content.slug() + "' is already used in edition '" + content.edition()
							+ "' by article " + holder + ". Choose another slug, or change that article.",
					holder)
				.with("canonicalUrl", url));
		}
		if (!create.draft() && !envelope.editor()) {
			return forbidden(create.articleId(), "publish or schedule an article");
		}
		Article.Builder article = articleOf(create.articleId(), 1, content, at).setCorrections(List.of());
		if (create.draft()) {
			return new Accepted(event(ArticleEventType.DRAFTED, envelope, at,
					article.setStatus(ArticleStatus.DRAFT).setPublishedAt(null).build()), 201);
		}
		if (create.publishAt() != null) {
			return new Accepted(event(ArticleEventType.SCHEDULED, envelope, at,
					article.setStatus(ArticleStatus.SCHEDULED)
						.setPublishAt(create.publishAt().truncatedTo(ChronoUnit.MILLIS))
						.build()),
					201);
		}
		return new Accepted(event(ArticleEventType.PUBLISHED, envelope, at,
				article.setStatus(ArticleStatus.PUBLISHED).setPublishedAt(at).build()), 201);
	}

	private Decision revise(Article article, ArticleStatus status, ArticleCommand.Revise revise,
			CommandEnvelope envelope, Instant at) {
		Content content = revise.content();
		if (!content.edition().equals(article.getEdition()) || !content.slug().equals(article.getSlug())) {
			return new Rejected(problem(409, "slug-fixed", "Edition and slug cannot change",
					"The article's edition and slug are part of its public URL and cannot change (they are '"
							+ article.getEdition() + "' and '" + article.getSlug()
							+ "'). Unpublish it and create a new article instead.",
					article.getId()));
		}
		if (status == ArticleStatus.UNPUBLISHED) {
			return unpublishedConflict(article);
		}
		Article.Builder next = articleOf(article.getId(), article.getVersion() + 1, content, at).setStatus(status)
			.setPublishedAt(article.getPublishedAt())
			.setPublishAt(article.getPublishAt())
			.setCorrections(article.getCorrections());
		if (status != ArticleStatus.PUBLISHED) {
			ArticleEventType type = (status == ArticleStatus.SCHEDULED) ? ArticleEventType.SCHEDULED
					: ArticleEventType.DRAFTED;
			return new Accepted(event(type, envelope, at, next.build()), 200);
		}
		if (!envelope.editor()) {
			return forbidden(article.getId(), "change a published article");
		}
		Change change = revise.change();
		if (change == null) {
			return new Rejected(problem(400, "invalid-request", "Invalid request",
					"The article is published: say whether this update is a public correction or a silent fix.",
					article.getId())
				.with("errors",
						List.of(Map.of("field", "change", "message",
								"required for a published article: {\"kind\": \"correction\", \"note\": \"...\"} "
										+ "or {\"kind\": \"silent-fix\"}"))));
		}
		Correction correction = null;
		if (change.kind() == Change.Kind.CORRECTION) {
			correction = Correction.newBuilder()
				.setNote(Objects.requireNonNull(change.note()))
				.setVersion(article.getVersion() + 1)
				.setCorrectedAt(at)
				.build();
			List<Correction> corrections = new ArrayList<>(article.getCorrections());
			corrections.add(correction);
			next.setCorrections(corrections);
		}
		ArticleEvent event = event(ArticleEventType.UPDATED, envelope, at, next.build());
		event.setCorrection(correction);
		return new Accepted(event, 200);
	}

	private Decision publish(Article article, ArticleStatus status, CommandEnvelope envelope, Instant at) {
		if (!envelope.editor()) {
			return forbidden(article.getId(), "publish an article");
		}
		if (status == ArticleStatus.PUBLISHED) {
			return conflict(article, status, "It is already published.");
		}
		if (status == ArticleStatus.UNPUBLISHED) {
			return unpublishedConflict(article);
		}
		Article next = Article.newBuilder(article)
			.setVersion(article.getVersion() + 1)
			.setStatus(ArticleStatus.PUBLISHED)
			.setPublishedAt(at)
			.setPublishAt(null)
			.setUpdatedAt(at)
			.build();
		return new Accepted(event(ArticleEventType.PUBLISHED, envelope, at, next), 200);
	}

	private Decision publishDue(Article article, ArticleStatus status, ArticleCommand.PublishDue due, Instant at) {
		if (status != ArticleStatus.SCHEDULED || article.getVersion() != due.expectedVersion()
				|| article.getPublishAt() == null) {
			return new Ignored("the article changed since it was scheduled (now version " + article.getVersion() + ", "
					+ status + ")");
		}
		Instant publishAt = article.getPublishAt();
		if (at.isBefore(publishAt)) {
			return new Ignored("its time has not come: it is scheduled for " + publishAt);
		}
		Article next = Article.newBuilder(article)
			.setVersion(article.getVersion() + 1)
			.setStatus(ArticleStatus.PUBLISHED)
			.setPublishedAt(at)
			.setUpdatedAt(at)
			.build();
		ArticleEvent event = ArticleEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setType(ArticleEventType.PUBLISHED)
			.setOccurredAt(at)
			.setActor(ScheduledPublications.ACTOR)
			.setArticle(next)
			.setPublishDelayMillis(Duration.between(publishAt, at).toMillis())
			.build();
		return new Accepted(event, 200);
	}

	private Decision schedule(Article article, ArticleStatus status, Instant publishAt, CommandEnvelope envelope,
			Instant at) {
		if (!envelope.editor()) {
			return forbidden(article.getId(), "schedule an article");
		}
		if (status == ArticleStatus.PUBLISHED) {
			return conflict(article, status, "It is already published; a published article cannot be scheduled.");
		}
		if (status == ArticleStatus.UNPUBLISHED) {
			return unpublishedConflict(article);
		}
		Article next = Article.newBuilder(article)
			.setVersion(article.getVersion() + 1)
			.setStatus(ArticleStatus.SCHEDULED)
			.setPublishAt(publishAt.truncatedTo(ChronoUnit.MILLIS))
			.setUpdatedAt(at)
			.build();
		return new Accepted(event(ArticleEventType.SCHEDULED, envelope, at, next), 200);
	}

	private Decision cancel(Article article, ArticleStatus status, CommandEnvelope envelope, Instant at) {
		if (!envelope.editor()) {
			return forbidden(article.getId(), "cancel a scheduled publication");
		}
		if (status != ArticleStatus.SCHEDULED) {
			return conflict(article, status, "Only a scheduled article's publication can be cancelled.");
		}
		Article next = Article.newBuilder(article)
			.setVersion(article.getVersion() + 1)
			.setStatus(ArticleStatus.DRAFT)
			.setPublishAt(null)
			.setUpdatedAt(at)
			.build();
		return new Accepted(event(ArticleEventType.SCHEDULE_CANCELLED, envelope, at, next), 200);
	}

	private Decision unpublish(Article article, ArticleStatus status, String reason, CommandEnvelope envelope,
			Instant at) {
		if (!envelope.editor()) {
			return forbidden(article.getId(), "unpublish an article");
		}
		if (status != ArticleStatus.PUBLISHED) {
			return conflict(article, status, "Only a published article can be unpublished.");
		}
		Article next = Article.newBuilder(article)
			.setVersion(article.getVersion() + 1)
			.setStatus(ArticleStatus.UNPUBLISHED)
			.setRetraction(Retraction.newBuilder().setReason(reason).setRetractedAt(at).build())
			.setUpdatedAt(at)
			.build();
		return new Accepted(event(ArticleEventType.UNPUBLISHED, envelope, at, next), 200);
	}

	private Article.Builder articleOf(String id, long version, Content content, Instant at) {
		return Article.newBuilder()
			.setId(id)
			.setVersion(version)
			.setEdition(content.edition())
			.setSection(content.section())
			.setSlug(content.slug())
			.setCanonicalUrl(canonicalUrl(content))
			.setTitle(content.title())
			.setLead(content.lead())
			.setBody(content.body())
			.setAuthors(content.authors()
				.stream()
				.map((byline) -> Author.newBuilder().setName(byline.name()).setProfileUrl(byline.profileUrl()).build())
				.toList())
			.setTags(content.tags())
			.setHeroImage((content.heroImage() != null) ? Image.newBuilder()
				.setUrl(content.heroImage().url())
				.setCaption(content.heroImage().caption())
				.setCredit(content.heroImage().credit())
				.build() : null)
			.setBreaking(content.breaking())
			.setPublishedAt(null)
			.setUpdatedAt(at);
	}

	private String canonicalUrl(Content content) {
		return UriComponentsBuilder.fromUri(this.siteUrl)
			.pathSegment(content.edition(), content.section(), content.slug())
			.build()
			.toUriString();
	}

	private static ArticleEvent event(ArticleEventType type, CommandEnvelope envelope, Instant at, Article article) {
		return ArticleEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setType(type)
			.setOccurredAt(at)
			.setActor(envelope.actor())
			.setArticle(article)
			.build();
	}

	private static Rejected forbidden(String articleId, String action) {
		return new Rejected(problem(403, "forbidden", "Forbidden",
				"Only an editor may " + action + ". Writers create and edit drafts; ask an editor.", articleId)
			.with("requiredRole", "EDITOR"));
	}

	private static Rejected conflict(Article article, ArticleStatus status, String detail) {
		return new Rejected(problem(409, "invalid-transition", "Not possible in the article's state",
				"Article " + article.getId() + " is " + status.name().toLowerCase() + ". " + detail, article.getId())
			.with("articleStatus", status.name()));
	}

	private static Rejected unpublishedConflict(Article article) {
		return conflict(article, ArticleStatus.UNPUBLISHED,
				"An unpublished article stays retracted; publish a new article instead.");
	}

	private static Rejected reject(int status, String type, String title, String detail, String articleId) {
		return new Rejected(problem(status, type, title, detail, articleId));
	}

	private static Problem problem(int status, String type, String title, String detail, String articleId) {
		return new Problem(status, type, title, detail, Map.of("articleId", articleId));
	}

}
