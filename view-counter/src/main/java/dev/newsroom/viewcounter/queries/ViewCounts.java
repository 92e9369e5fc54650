package dev.newsroom.viewcounter.queries;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.core.ParameterizedTypeReference;

import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.viewcounter.counting.ViewCountTopology;

/**
 * Reads counts from whichever instance owns them: this instance's from its store, the
 * others' from their owners, in one request per owner.
 */
final class ViewCounts {

	private static final ParameterizedTypeReference<List<ViewCount>> COUNTS = new ParameterizedTypeReference<>() {
	};

	private final StoreOwners owners;

	ViewCounts(StoreOwners owners) {
		this.owners = owners;
	}

	/**
	 * @param articleIds the articles
	 * @param forwarded whether this request came from another instance
	 * @return their counts, in the order asked
	 * @throws CountsNotReadyException if some count cannot be read correctly now
	 */
	List<ViewCount> read(List<String> articleIds, boolean forwarded) {
		KafkaStreams kafkaStreams = this.owners.running();
		Map<String, ViewCount> found = new LinkedHashMap<>();
		Map<HostInfo, List<String>> elsewhere = new LinkedHashMap<>();
		for (String articleId : articleIds) {
			KeyQueryMetadata owner = this.owners.ownerOf(kafkaStreams, ViewCountTopology.COUNTS_STORE, articleId,
					forwarded);
			if (this.owners.isSelf(owner.activeHost())) {
				this.owners.requireRestored(ViewCountTopology.COUNTS_STORE, owner.partition());
				found.put(articleId, readLocal(kafkaStreams, articleId, owner.partition()));
			}
			else {
				elsewhere.computeIfAbsent(owner.activeHost(), (host) -> new ArrayList<>()).add(articleId);
			}
		}
		elsewhere.forEach((owner, ids) -> {
			List<ViewCount> counts = this.owners.ask(owner,
					"/api/views?ids=" + String.join(",", ids.stream().map(ViewCounts::encode).toList()), COUNTS);
			if (counts.size() != ids.size()) {
				throw new CountsNotReadyException("FORWARDING",
						"The instance at " + owner + " answered for other articles than asked; retry.");
			}
			counts.forEach((count) -> found.put(count.articleId(), count));
		});
		return articleIds.stream().map(found::get).toList();
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

	private static String encode(String articleId) {
		return URLEncoder.encode(articleId, StandardCharsets.UTF_8);
	}

}
