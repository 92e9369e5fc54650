package dev.newsroom.viewcounter.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a page's beacon sends: which article was viewed, and the id the page gave this
 * view, so that a retried beacon counts once. The visitor is not the page's to say: the
 * view counter knows it from its cookie, or hashes it.
 *
 * @param articleId the article viewed
 * @param viewId the page's id for this view (a UUID); without one, each request is a view
 * of its own
 * @param visitorId refused: visitors are identified by the view counter alone
 */
record RecordView(
		@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "must be an article id: letters, digits, '.', '_' or '-'") String articleId,
		@Nullable @Pattern(regexp = "[A-Za-z0-9-]{8,64}",
				message = "must be the page's id for the view: 8 to 64 letters, digits or '-', such as a UUID") String viewId,
		@Nullable @Null(message = "is not accepted: the view counter identifies visitors by its own cookie, "
				+ "or by a daily hash; remove it from the beacon") String visitorId) {

}
