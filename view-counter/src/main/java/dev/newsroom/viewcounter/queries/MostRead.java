package dev.newsroom.viewcounter.queries;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.util.UriComponentsBuilder;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.view.TrendingArticles;
import dev.newsroom.viewcounter.counting.TrendingWindow;
import dev.newsroom.viewcounter.counting.ViewCountTopology;

/**
 * Reads the most-read list of an edition or section for the window that is "the last
 * hour" (or day) now, from whichever instance owns it, without the stories that are no
 * longer published.
 */
final class MostRead {

	private static final ParameterizedTypeReference<Trending> TRENDING = new ParameterizedTypeReference<>() {
	};

	private final StoreOwners owners;

	private final Clock clock;

	MostRead(StoreOwners owners, Clock clock) {
		this.owners = owners;
		this.clock = clock;
	}

	Trending read(String edition, @Nullable String section, TrendingWindow window, int limit, boolean forwarded) {
		KafkaStreams kafkaStreams = this.owners.running();
		String key = window.key(edition, section);
		KeyQueryMetadata owner = this.owners.ownerOf(kafkaStreams, window.storeName(), key, forwarded);
		if (!this.owners.isSelf(owner.activeHost())) {
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/trending")
				.queryParam("edition", edition)
				.queryParam("window", window.label())
				.queryParam("limit", limit);
			if (section != null) {
				uri.queryParam("section", section);
			}
			return this.owners.ask(owner.activeHost(), uri.encode().build().toUriString(), TRENDING);
		}
		long start = window.currentStart(this.clock.millis());
		TrendingArticles list;
		ReadOnlyKeyValueStore<String, ArticleEvent> catalogue;
		try {
			ReadOnlyWindowStore<String, TrendingArticles> store = kafkaStreams.store(StoreQueryParameters
				.fromNameAndType(window.storeName(), QueryableStoreTypes.<String, TrendingArticles>windowStore())
				.withPartition(owner.partition()));
			list = store.fetch(key, start);
			catalogue = kafkaStreams.store(StoreQueryParameters.fromNameAndType(ViewCountTopology.CATALOGUE_STORE,
					QueryableStoreTypes.<String, ArticleEvent>keyValueStore()));
		}
		catch (InvalidStateStoreException ex) {
			throw new CountsNotReadyException(KafkaStreams.State.REBALANCING.name());
		}
		// A story retracted since its views were counted leaves the list at once: readers
		// are not sent to a page that is gone.
		List<Trending.Entry> articles = (list != null) ? list.getArticles()
			.stream()
			.filter((article) -> ViewCountTopology.isPublished(catalogue.get(article.getArticleId())))
			.limit(limit)
			.map((article) -> new Trending.Entry(article.getArticleId(), article.getViews()))
			.toList() : List.of();
		return new Trending(edition, section, window.label(), Instant.ofEpochMilli(start),
				Instant.ofEpochMilli(start + window.size().toMillis()), articles);
	}

	/**
	 * A most-read list.
	 *
	 * @param edition the edition
	 * @param section the section, or null for the whole edition
	 * @param window {@code 1h} or {@code 24h}
	 * @param windowStart views from this time on count
	 * @param windowEnd views before this time count
	 * @param articles most views first
	 */
	record Trending(String edition, @Nullable String section, String window, Instant windowStart, Instant windowEnd,
			List<Entry> articles) {

		/**
		 * @param articleId the article
		 * @param views its views in the window
		 */
		record Entry(String articleId, long views) {
		}

	}

}
