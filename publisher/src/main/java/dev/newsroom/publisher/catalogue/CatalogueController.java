package dev.newsroom.publisher.catalogue;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.events.article.Retraction;
import dev.newsroom.support.web.ProblemTypes;

/**
 * The editors' read side: an article with its version as ETag, searches, and an article's
 * history. Answers come from this instance's catalogue, rebuilt from the topics at start.
 */
@RestController
@RequestMapping(path = "/api/articles",
		produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
class CatalogueController {

	private static final String STATUSES = "draft|scheduled|published|unpublished|DRAFT|SCHEDULED|PUBLISHED|UNPUBLISHED";

	private final Catalogue catalogue;

	private final ArticleHistory history;

	CatalogueController(Catalogue catalogue, ArticleHistory history) {
		this.catalogue = catalogue;
		this.history = history;
	}

	@GetMapping("/{id}")
	ResponseEntity<?> article(@PathVariable String id, WebRequest request) {
		ArticleEvent event = this.catalogue.get(id).orElse(null);
		if (event == null) {
			return notFound(id);
		}
		if (ArticleStatuses.after(event) == ArticleStatus.UNPUBLISHED) {
			Retraction retraction = event.getArticle().getRetraction();
			ProblemDetail gone = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, "Article " + id + " was unpublished"
					+ ((retraction != null) ? ": " + retraction.getReason() : "."));
			gone.setType(ProblemTypes.of("article-unpublished"));
			gone.setTitle("Article unpublished");
			gone.setProperty("articleId", id);
			gone.setProperty("version", event.getArticle().getVersion());
			if (retraction != null) {
				gone.setProperty("reason", retraction.getReason());
				gone.setProperty("retractedAt", retraction.getRetractedAt());
			}
			return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(gone);
		}
		String etag = "\"" + event.getArticle().getVersion() + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok().eTag(etag).body(ArticleView.of(event, true));
	}

	@GetMapping
	Page search(
			@RequestParam(required = false) @Nullable @Pattern(regexp = "[a-z]{2}",
					message = "must be an ISO 639-1 code in lower case") String edition,
			@RequestParam(required = false) @Nullable @Size(max = 60) String section,
			@RequestParam(required = false) @Nullable @Pattern(regexp = STATUSES,
					message = "must be draft, scheduled, published or unpublished") String status,
			@RequestParam(required = false) @Nullable @Size(max = 200) String q,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Catalogue.Filter filter = new Catalogue.Filter(edition, section,
				(status != null) ? ArticleStatus.valueOf(status.toUpperCase(Locale.ROOT)) : null,
				(q != null && !q.isBlank()) ? q : null);
		Catalogue.Page found = this.catalogue.search(filter, page, size);
		return new Page(found.articles().stream().map((event) -> ArticleView.of(event, false)).toList(), found.page(),
				found.size(), found.total());
	}

	@GetMapping("/{id}/history")
	ResponseEntity<?> history(@PathVariable String id) {
		List<ArticleHistory.Version> versions = this.history.of(id);
		if (versions.isEmpty()) {
			return notFound(id);
		}
		return ResponseEntity.ok(new History(id, versions));
	}

	private static ResponseEntity<ProblemDetail> notFound(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is no article " + id + ".");
		problem.setType(ProblemTypes.of("article-not-found"));
		problem.setTitle("Article not found");
		problem.setProperty("articleId", id);
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * A page of articles, without their bodies.
	 *
	 * @param items the articles
	 * @param page the page, from 0
	 * @param size the page size
	 * @param total how many articles match in all
	 */
	record Page(List<ArticleView> items, int page, int size, int total) {
	}

	/**
	 * Every version of an article.
	 *
	 * @param articleId the article
	 * @param versions its versions, oldest first
	 */
	record History(String articleId, List<ArticleHistory.Version> versions) {
	}

}
