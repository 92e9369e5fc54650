package dev.newsroom.viewcounter.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a page's beacon sends: which article was viewed, and optionally the visitor id the
 * page holds (otherwise the beacon's cookie identifies the visitor).
 *
 * @param articleId the article viewed
 * @param visitorId an opaque visitor id, if the page keeps one itself
 */
record RecordView(
		@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "must be an article id: letters, digits, '.', '_' or '-'") String articleId,
		@Nullable @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "must be an opaque id: letters, digits, '.', '_' or '-'") String visitorId) {

}
