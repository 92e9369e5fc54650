package dev.newsroom.viewcounter.queries;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Which instance owns a key of a state store (interactive queries), and how to ask it. A
 * request that was itself forwarded is never forwarded again: if ownership moved
 * meanwhile, the answer is 503, so that nothing is read from a store that no longer owns
 * the key.
 */
final class StoreOwners {

	/** Marks a request forwarded by another instance. */
	static final String FORWARDED_HEADER = "X-Newsroom-Forwarded";

	private final StreamsBuilderFactoryBean streams;

	private final AdvertisedServer server;

	private final RestClient owners;

	private final RestoringStores restoring;

	StoreOwners(StreamsBuilderFactoryBean streams, AdvertisedServer server, Duration forwardTimeout,
			RestoringStores restoring) {
		this.restoring = restoring;
		this.streams = streams;
		this.server = server;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(forwardTimeout).build());
		requests.setReadTimeout(forwardTimeout);
		this.owners = RestClient.builder().requestFactory(requests).build();
	}

	/**
	 * @return the streams application, if it is running
	 * @throws CountsNotReadyException otherwise
	 */
	KafkaStreams running() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			throw new CountsNotReadyException("NOT_STARTED");
		}
		if (kafkaStreams.state() != KafkaStreams.State.RUNNING) {
			throw new CountsNotReadyException(kafkaStreams.state().name());
		}
		return kafkaStreams;
	}

	/**
	 * @param kafkaStreams the running application
	 * @param store the store
	 * @param key the key
	 * @param forwarded whether this request came from another instance
	 * @return where the key lives, with {@link KeyQueryMetadata#activeHost()} this
	 * instance or another
	 * @throws CountsNotReadyException if no instance owns it now, or another does and the
	 * request was already forwarded
	 */
	KeyQueryMetadata ownerOf(KafkaStreams kafkaStreams, String store, String key, boolean forwarded) {
		KeyQueryMetadata owner = kafkaStreams.queryMetadataForKey(store, key, Serdes.String().serializer());
		if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
			throw new CountsNotReadyException(KafkaStreams.State.REBALANCING.name());
		}
		if (forwarded && !isSelf(owner.activeHost())) {
			throw new CountsNotReadyException(KafkaStreams.State.REBALANCING.name());
		}
		return owner;
	}

	/**
	 * @param store a store name
	 * @param partition the partition about to be read here
	 * @throws CountsNotReadyException if this instance is still restoring it, so that a
	 * count read from it could be behind
	 */
	void requireRestored(String store, int partition) {
		if (this.restoring.isRestoring(store, partition)) {
			throw new CountsNotReadyException("RESTORING");
		}
	}

	boolean isSelf(HostInfo host) {
		return this.server.self().equals(host);
	}

	/**
	 * Asks another instance.
	 * @param <T> the answer's type
	 * @param owner the instance
	 * @param pathAndQuery such as {@code /api/views?ids=a,b}
	 * @param type the answer's type
	 * @return its answer
	 * @throws CountsNotReadyException if it did not answer 200
	 */
	<T> T ask(HostInfo owner, String pathAndQuery, ParameterizedTypeReference<T> type) {
		try {
			T answer = this.owners.get()
				.uri(URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery))
				.header(FORWARDED_HEADER, "true")
				.retrieve()
				.body(type);
			if (answer == null) {
				throw new CountsNotReadyException("FORWARDING",
						"The instance at " + owner + " answered nothing; retry.");
			}
			return answer;
		}
		catch (RestClientException ex) {
			throw new CountsNotReadyException("FORWARDING", "The instance at " + owner
					+ " that holds these counts did not answer (" + ex.getMessage() + "); retry in a few seconds.");
		}
	}

}
