package dev.newsroom.viewcounter.queries;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

import dev.newsroom.support.web.InvalidRequestException;

import java.net.URI;
import java.time.Instant;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.viewcounter.counting.ViewCountTopology;

/**
 * Answers view counts from the topology's state store: one article's, or several at once
 * for list pages. An article nobody has viewed yet has 0 views. Answers carry an ETag and
 * may be cached for 5 seconds.
 */
@RestController
class ViewCountController {

	static final URI COUNTS_NOT_READY = URI.create("https://newsroom.dev/problems/counts-not-ready");

	static final int MAX_BATCH = 100;

	/** Counts change by the second; pages and CDNs may keep one for a few seconds. */
	private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

	private final StreamsBuilderFactoryBean streams;

	ViewCountController(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/api/articles/{articleId}/views", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ViewCount> views(@PathVariable String articleId, WebRequest request) {
		ViewCount count = read(store(), articleId);
		String etag = "\"" + count.views() + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHING).build();
		}
		return ResponseEntity.ok().eTag(etag).cacheControl(CACHING).body(count);
	}

	/**
	 * The counts of several articles at once, for list pages: {@code ?ids=a,b,c}, at most
	 * {@value #MAX_BATCH}.
	 */
	@GetMapping(path = "/api/views", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<List<ViewCount>> batch(@RequestParam List<String> ids, WebRequest request) {
		List<String> articleIds = ids.stream().map(String::strip).filter((id) -> !id.isEmpty()).distinct().toList();
		if (articleIds.isEmpty() || articleIds.size() > MAX_BATCH) {
			throw new InvalidRequestException("ids",
					"must name from 1 to " + MAX_BATCH + " article ids, not " + articleIds.size());
		}
		ReadOnlyKeyValueStore<String, ArticleViewCount> store = store();
		List<ViewCount> counts = articleIds.stream().map((id) -> read(store, id)).toList();
		String etag = "\"" + Integer.toHexString(counts.hashCode()) + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHING).build();
		}
		return ResponseEntity.ok().eTag(etag).cacheControl(CACHING).body(counts);
	}

	private static ViewCount read(ReadOnlyKeyValueStore<String, ArticleViewCount> store, String articleId) {
		ArticleViewCount count;
		try {
			count = store.get(articleId);
		}
		catch (InvalidStateStoreException ex) {
			// The store moved away in a rebalance between opening and reading it.
			throw new CountsNotReadyException(KafkaStreams.State.REBALANCING.name());
		}
		return (count != null) ? new ViewCount(articleId, count.getViews(), count.getUpdatedAt())
				: new ViewCount(articleId, 0, null);
	}

	private ReadOnlyKeyValueStore<String, ArticleViewCount> store() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
			throw new CountsNotReadyException((kafkaStreams != null) ? kafkaStreams.state().name() : "NOT_STARTED");
		}
		try {
			return kafkaStreams.store(StoreQueryParameters.fromNameAndType(ViewCountTopology.COUNTS_STORE,
					QueryableStoreTypes.keyValueStore()));
		}
		catch (InvalidStateStoreException ex) {
			throw new CountsNotReadyException(kafkaStreams.state().name());
		}
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> countsNotReady(CountsNotReadyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"View counts are not readable while the streams application is " + ex.state()
						+ "; retry in a few seconds.");
		problem.setType(COUNTS_NOT_READY);
		problem.setTitle("Counts not ready");
		problem.setProperty("streamsState", ex.state());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2").body(problem);
	}

	/**
	 * An article's view count.
	 *
	 * @param articleId the article
	 * @param views views counted so far
	 * @param updatedAt time of the latest view counted, or {@code null} if none
	 */
	record ViewCount(String articleId, long views, @Nullable Instant updatedAt) {
	}

	static final class CountsNotReadyException extends RuntimeException {

		private final String state;

		CountsNotReadyException(String state) {
			super("View counts are not readable while Kafka Streams is " + state);
			this.state = state;
		}

		String state() {
			return this.state;
		}

	}

}
