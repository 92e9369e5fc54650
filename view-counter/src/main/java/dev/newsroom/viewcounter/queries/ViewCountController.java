package dev.newsroom.viewcounter.queries;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import dev.newsroom.support.web.InvalidRequestException;

/**
 * Answers view counts, one article's or several at once for list pages, from any instance
 * ({@link ViewCounts} asks the owners). An article nobody has viewed yet has 0 views.
 * Answers carry an ETag and may be cached for 5 seconds; while a count cannot be read
 * correctly, the answer is 503 with {@code Retry-After}, never a wrong number.
 */
@RestController
class ViewCountController {

	static final URI COUNTS_NOT_READY = URI.create("https://newsroom.dev/problems/counts-not-ready");

	static final int MAX_BATCH = 100;

	/** Counts change by the second; pages and CDNs may keep one for a few seconds. */
	private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

	private final ViewCounts counts;

	private final ViewsByHour byHour;

	ViewCountController(ViewCounts counts, ViewsByHour byHour) {
		this.counts = counts;
		this.byHour = byHour;
	}

	@GetMapping(path = "/api/articles/{articleId}/views", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ViewCount> views(@PathVariable String articleId,
			@RequestHeader(name = StoreOwners.FORWARDED_HEADER, required = false) boolean forwarded,
			WebRequest request) {
		ViewCount count = this.counts.read(List.of(articleId), forwarded).get(0);
		return cacheable(count, "\"" + count.views() + "\"", request);
	}

	/**
	 * An article's views in each of the last 24 clock hours (UTC), oldest first, for a
	 * views-over-time chart; the last hour is the one under way.
	 */
	@GetMapping(path = "/api/articles/{articleId}/views/by-hour", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ViewsByHour.Series> viewsByHour(@PathVariable String articleId,
			@RequestHeader(name = StoreOwners.FORWARDED_HEADER, required = false) boolean forwarded,
			WebRequest request) {
		ViewsByHour.Series series = this.byHour.read(articleId, forwarded);
		return cacheable(series, "\"" + Integer.toHexString(series.hashCode()) + "\"", request);
	}

	/**
	 * The counts of several articles at once, for list pages: {@code ?ids=a,b,c}, at most
	 * {@value #MAX_BATCH}.
	 */
	@GetMapping(path = "/api/views", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<List<ViewCount>> batch(@RequestParam List<String> ids,
			@RequestHeader(name = StoreOwners.FORWARDED_HEADER, required = false) boolean forwarded,
			WebRequest request) {
		List<String> articleIds = ids.stream().map(String::strip).filter((id) -> !id.isEmpty()).distinct().toList();
		if (articleIds.isEmpty() || articleIds.size() > MAX_BATCH) {
			throw new InvalidRequestException("ids",
					"must name from 1 to " + MAX_BATCH + " article ids, not " + articleIds.size());
		}
		List<ViewCount> found = this.counts.read(articleIds, forwarded);
		return cacheable(found, "\"" + Integer.toHexString(found.hashCode()) + "\"", request);
	}

	private static <T> ResponseEntity<T> cacheable(T body, String etag, WebRequest request) {
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHING).build();
		}
		return ResponseEntity.ok().eTag(etag).cacheControl(CACHING).body(body);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> countsNotReady(CountsNotReadyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setType(COUNTS_NOT_READY);
		problem.setTitle("Counts not ready");
		problem.setProperty("streamsState", ex.state());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2").body(problem);
	}

}
