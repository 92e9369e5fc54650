package dev.newsroom.viewcounter.queries;

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
 * Answers an article's view count from the topology's state store. An article nobody has
 * viewed yet has 0 views.
 */
@RestController
class ViewCountController {

	static final URI COUNTS_NOT_READY = URI.create("https://newsroom.dev/problems/counts-not-ready");

	private final StreamsBuilderFactoryBean streams;

	ViewCountController(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/api/articles/{articleId}/views", produces = MediaType.APPLICATION_JSON_VALUE)
	ViewCount views(@PathVariable String articleId) {
		ArticleViewCount count;
		try {
			count = store().get(articleId);
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
	ProblemDetail countsNotReady(CountsNotReadyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"View counts are not readable while the streams application is " + ex.state()
						+ "; retry in a few seconds.");
		problem.setType(COUNTS_NOT_READY);
		problem.setTitle("Counts not ready");
		problem.setProperty("streamsState", ex.state());
		return problem;
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
