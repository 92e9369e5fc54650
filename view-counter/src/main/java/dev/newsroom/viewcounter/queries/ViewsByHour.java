package dev.newsroom.viewcounter.queries;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.springframework.core.ParameterizedTypeReference;

import dev.newsroom.viewcounter.counting.ViewCountTopology;

/**
 * Reads an article's views per clock hour over the last 24 hours, from whichever instance
 * owns the article: the series behind the editors' views-over-time chart.
 */
final class ViewsByHour {

	/** How many hours the series covers, the hour under way being the last. */
	static final int HOURS = 24;

	private static final ParameterizedTypeReference<Series> SERIES = new ParameterizedTypeReference<>() {
	};

	private final StoreOwners owners;

	private final Clock clock;

	ViewsByHour(StoreOwners owners, Clock clock) {
		this.owners = owners;
		this.clock = clock;
	}

	/**
	 * @param articleId the article
	 * @param forwarded whether this request came from another instance
	 * @return its views in each of the last {@value #HOURS} clock hours, oldest first,
	 * hours without views as 0
	 * @throws CountsNotReadyException if the counts cannot be read correctly now
	 */
	Series read(String articleId, boolean forwarded) {
		KafkaStreams kafkaStreams = this.owners.running();
		KeyQueryMetadata owner = this.owners.ownerOf(kafkaStreams, ViewCountTopology.HOURLY_STORE, articleId,
				forwarded);
		if (!this.owners.isSelf(owner.activeHost())) {
			return this.owners.ask(owner.activeHost(),
					"/api/articles/" + URLEncoder.encode(articleId, StandardCharsets.UTF_8) + "/views/by-hour", SERIES);
		}
		this.owners.requireRestored(ViewCountTopology.HOURLY_STORE, owner.partition());
		Instant currentHour = this.clock.instant().truncatedTo(ChronoUnit.HOURS);
		Instant first = currentHour.minus(Duration.ofHours(HOURS - 1));
		Map<Long, Long> counted = new LinkedHashMap<>();
		try {
			ReadOnlyWindowStore<String, Long> store = kafkaStreams.store(StoreQueryParameters
				.fromNameAndType(ViewCountTopology.HOURLY_STORE, QueryableStoreTypes.<String, Long>windowStore())
				.withPartition(owner.partition()));
			try (WindowStoreIterator<Long> hours = store.fetch(articleId, first, currentHour)) {
				while (hours.hasNext()) {
					KeyValue<Long, Long> hour = hours.next();
					counted.put(hour.key, hour.value);
				}
			}
		}
		catch (InvalidStateStoreException ex) {
			// The partition moved away between the lookup and the read.
			throw new CountsNotReadyException(KafkaStreams.State.REBALANCING.name());
		}
		List<Hour> series = new ArrayList<>(HOURS);
		for (int i = 0; i < HOURS; i++) {
			Instant start = first.plus(Duration.ofHours(i));
			series.add(new Hour(start, counted.getOrDefault(start.toEpochMilli(), 0L)));
		}
		return new Series(articleId, series);
	}

	/**
	 * An article's views per hour.
	 *
	 * @param articleId the article
	 * @param hours the last {@value #HOURS} clock hours, oldest first; the last one is
	 * under way
	 */
	record Series(String articleId, List<Hour> hours) {

	}

	/**
	 * @param start the hour's start, in UTC
	 * @param views the views counted in it
	 */
	record Hour(Instant start, long views) {

	}

}
