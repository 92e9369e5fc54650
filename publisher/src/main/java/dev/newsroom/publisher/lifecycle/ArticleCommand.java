package dev.newsroom.publisher.lifecycle;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * A change an editor asks for, addressed to one article. Commands travel on the commands
 * topic keyed by article id, so that the instance owning the article's partition applies
 * them one at a time: that single writer is what makes versions, slugs and idempotency
 * keys consistent across instances.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "command")
@JsonSubTypes({ @JsonSubTypes.Type(value = ArticleCommand.Create.class, name = "create"),
		@JsonSubTypes.Type(value = ArticleCommand.Revise.class, name = "revise"),
		@JsonSubTypes.Type(value = ArticleCommand.Publish.class, name = "publish"),
		@JsonSubTypes.Type(value = ArticleCommand.Schedule.class, name = "schedule"),
		@JsonSubTypes.Type(value = ArticleCommand.CancelSchedule.class, name = "cancel-schedule"),
		@JsonSubTypes.Type(value = ArticleCommand.Unpublish.class, name = "unpublish"),
		@JsonSubTypes.Type(value = ArticleCommand.PublishDue.class, name = "publish-due") })
public sealed interface ArticleCommand {

	/**
	 * @return the article the command is for
	 */
	String articleId();

	/**
	 * A command on an existing article, made against the version the editor saw.
	 */
	sealed interface Versioned extends ArticleCommand
			permits Revise, Publish, Schedule, CancelSchedule, Unpublish, PublishDue {

		/**
		 * @return the version the change was made against ({@code If-Match})
		 */
		long expectedVersion();

	}

	/**
	 * Creates an article as a draft, published at once, or scheduled.
	 *
	 * @param articleId the new article's id, derived from its edition and slug
	 * @param content the sanitised content
	 * @param publishAt when to publish it; {@code null} for a draft or to publish now
	 * @param draft whether it stays a draft
	 */
	record Create(String articleId, Content content, @Nullable Instant publishAt,
			boolean draft) implements ArticleCommand {
	}

	/**
	 * Replaces an article's content.
	 *
	 * @param articleId the article
	 * @param expectedVersion the version the editor changed ({@code If-Match})
	 * @param content the sanitised content
	 * @param change for a published article: whether this is a public correction or a
	 * silent fix
	 */
	record Revise(String articleId, long expectedVersion, Content content,
			@Nullable Change change) implements Versioned {
	}

	/**
	 * Publishes a draft or scheduled article now.
	 *
	 * @param articleId the article
	 * @param expectedVersion the version the editor saw
	 */
	record Publish(String articleId, long expectedVersion) implements Versioned {
	}

	/**
	 * Schedules or reschedules a draft.
	 *
	 * @param articleId the article
	 * @param expectedVersion the version the editor saw
	 * @param publishAt when to publish it
	 */
	record Schedule(String articleId, long expectedVersion, Instant publishAt) implements Versioned {
	}

	/**
	 * Cancels a scheduled publication; the article becomes a draft again.
	 *
	 * @param articleId the article
	 * @param expectedVersion the version the editor saw
	 */
	record CancelSchedule(String articleId, long expectedVersion) implements Versioned {
	}

	/**
	 * Retracts a published article.
	 *
	 * @param articleId the article
	 * @param expectedVersion the version the editor saw
	 * @param reason why, shown to readers who follow an old link
	 */
	record Unpublish(String articleId, long expectedVersion, String reason) implements Versioned {
	}

	/**
	 * Sent by the publisher itself when a scheduled article's time has come.
	 *
	 * @param articleId the article
	 * @param expectedVersion the scheduled version; a later change makes this command a
	 * no-op
	 */
	record PublishDue(String articleId, long expectedVersion) implements Versioned {
	}

	/**
	 * An article's content, sanitised and validated.
	 *
	 * @param edition language edition
	 * @param section site section
	 * @param slug URL slug, unique within the edition
	 * @param title headline, plain text
	 * @param lead standfirst, plain text
	 * @param body sanitised HTML
	 * @param authors bylines
	 * @param tags tags
	 * @param heroImage the image above the article, if any
	 * @param breaking whether it is breaking news
	 */
	record Content(String edition, String section, String slug, String title, String lead, String body,
			List<Byline> authors, List<String> tags, @Nullable HeroImage heroImage, boolean breaking) {
	}

	/**
	 * A byline.
	 *
	 * @param name the name as printed
	 * @param profileUrl the author's page, if any
	 */
	record Byline(String name, @Nullable String profileUrl) {
	}

	/**
	 * The image above an article.
	 *
	 * @param url the image URL
	 * @param caption the caption, if any
	 * @param credit the credit, if any
	 */
	record HeroImage(String url, @Nullable String caption, @Nullable String credit) {
	}

	/**
	 * What kind of change an update of a published article is.
	 *
	 * @param kind correction or silent fix
	 * @param note the public correction note; required for a correction
	 */
	record Change(Kind kind, @Nullable String note) {

		/** The kinds of change. */
		public enum Kind {

			/** A public correction, with a note shown to readers. */
			CORRECTION,

			/** A fix of typos or formatting that readers are not told about. */
			SILENT_FIX

		}

	}

}
