package dev.newsroom.viewcounter.queries;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.viewcounter.counting.ViewCountTopology;

/**
 * Reads counts from whichever instance owns them (interactive queries): Kafka Streams
 * says which instance hosts each article's partition; this instance's are read from its
 * store, the others' are asked of their owners in one request per owner. A request that
 * was itself forwarded is never forwarded again: if ownership moved meanwhile, the answer
 * is 503, so that a count is never read from a store that no longer owns it.
 */
final class ViewCounts {

	/** Marks a request forwarded by another instance. */
	static final String FORWARDED_HEADER = "X-Newsroom-Forwarded";

	private static final ParameterizedTypeReference<List<ViewCount>> COUNTS = new ParameterizedTypeReference<>() {
	};

	private final StreamsBuilderFactoryBean streams;

	private final AdvertisedServer server;

	private final RestClient owners;

	ViewCounts(StreamsBuilderFactoryBean streams, AdvertisedServer server, RestClient.Builder http,
			Duration forwardTimeout) {
		this.streams = streams;
		this.server = server;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(forwardTimeout).build());
		requests.setReadTimeout(forwardTimeout);
		this.owners = http.requestFactory(requests).build();
	}

	/**
	 * @param articleIds the articles
	 * @param forwarded whether this request came from another instance
	 * @return their counts, in the order asked
	 * @throws CountsNotReadyException if some count cannot be read correctly now
	 */
	List<ViewCount> read(List<String> articleIds, boolean forwarded) {
		KafkaStreams kafkaStreams = running();
		HostInfo self = this.server.self();
		Map<String, ViewCount> found = new LinkedHashMap<>();
		Map<HostInfo, List<String>> elsewhere = new LinkedHashMap<>();
		for (String articleId : articleIds) {
			KeyQueryMetadata owner = kafkaStreams.queryMetadataForKey(ViewCountTopology.COUNTS_STORE, articleId,
					Serdes.String().serializer());
			if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
				throw new CountsNotReadyException(KafkaStreams.State.REBALANCING.name());
			}
			if (self.equals(owner.activeHost())) {
				found.put(articleId, readLocal(kafkaStreams, articleId, owner.partition()));
			}
			else if (forwarded) {
				throw new CountsNotReadyException(KafkaStreams.State.REBALANCING.name());
			}
			else {
				elsewhere.computeIfAbsent(owner.activeHost(), (host) -> new ArrayList<>()).add(articleId);
			}
		}
		elsewhere.forEach((owner, ids) -> askOwner(owner, ids).forEach((count) -> found.put(count.articleId(), count)));
		return articleIds.stream().map(found::get).toList();
	}

	private KafkaStreams running() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			throw new CountsNotReadyException("NOT_STARTED");
		}
		if (kafkaStreams.state() != KafkaStreams.State.RUNNING) {
			throw new CountsNotReadyException(kafkaStreams.state().name());
		}
		return kafkaStreams;
	}

	private static ViewCount readLocal(KafkaStreams kafkaStreams, String articleId, int partition) {
		ArticleViewCount count;
		try {
			ReadOnlyKeyValueStore<String, ArticleViewCount> store = kafkaStreams.store(
					StoreQueryParameters
						.fromNameAndType(ViewCountTopology.COUNTS_STORE,
								QueryableStoreTypes.<String, ArticleViewCount>keyValueStore())
						.withPartition(partition));
			count = store.get(articleId);
		}
		catch (InvalidStateStoreException ex) {
			// The partition moved away between the lookup and the read.
			throw new CountsNotReadyException(KafkaStreams.State.REBALANCING.name());
		}
		return (count != null) ? new ViewCount(articleId, count.getViews(), count.getUpdatedAt())
				: new ViewCount(articleId, 0, null);
	}

	private List<ViewCount> askOwner(HostInfo owner, List<String> articleIds) {
		URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/api/views?ids="
				+ String.join(",", articleIds.stream().map(ViewCounts::encode).toList()));
		try {
			List<ViewCount> counts = this.owners.get()
				.uri(uri)
				.header(FORWARDED_HEADER, "true")
				.retrieve()
				.body(COUNTS);
			if (counts == null || counts.size() != articleIds.size()) {
				throw new CountsNotReadyException("FORWARDING",
						"The instance at " + owner + " answered for other articles than asked; retry.");
			}
			return counts;
		}
		catch (RestClientException ex) {
			throw new CountsNotReadyException("FORWARDING", "The instance at " + owner
					+ " that holds these counts did not answer (" + ex.getMessage() + "); retry in a few seconds.");
		}
	}

	private static String encode(String articleId) {
		return java.net.URLEncoder.encode(articleId, java.nio.charset.StandardCharsets.UTF_8);
	}

}
