package dev.newsroom.feeds.catalogue;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.feeds.topics.TopicReader;
import dev.newsroom.schemas.serde.SchemaRegistryUnavailableException;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;

/**
 * The editions that exist: those configured ({@code newsroom.feeds.editions}), and every
 * edition of an article that was ever published, as {@code newsroom.articles} tells from
 * its start. It is {@link #isLoaded() loaded} once it has read up to where the topic
 * ended when the service started, and follows the topic after that.
 */
public class Editions extends TopicReader {

	private static final Logger logger = LoggerFactory.getLogger(Editions.class);

	private final SpecificAvroDeserializer<ArticleEvent> events;

	private final Set<String> known = new ConcurrentSkipListSet<>();

	private volatile boolean loaded;

	/**
	 * @param consumerConfig the consumer's settings
	 * @param topic the compacted catalogue topic, {@code newsroom.articles}
	 * @param configured editions that exist whether or not they have articles yet
	 * @param events the deserializer of its values, configured
	 */
	public Editions(Map<String, Object> consumerConfig, String topic, Collection<String> configured,
			SpecificAvroDeserializer<ArticleEvent> events) {
		super(consumerConfig, "feeds-editions", topic);
		this.events = events;
		this.known.addAll(configured);
	}

	/**
	 * @param edition an edition, such as en
	 * @return whether it exists
	 */
	public boolean exists(String edition) {
		return this.known.contains(edition);
	}

	/**
	 * @return the editions that exist, in alphabetical order
	 */
	public Set<String> known() {
		return new TreeSet<>(this.known);
	}

	/**
	 * @return whether every edition published before the service started is known
	 */
	public boolean isLoaded() {
		return this.loaded;
	}

	@Override
	protected void read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
		consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
		while (isRunning()) {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
				learn(record);
			}
			if (!this.loaded && partitions.stream().allMatch((p) -> consumer.position(p) >= ends.get(p))) {
				this.loaded = true;
				logger.info("Editions with articles: {}", known());
			}
		}
	}

	private void learn(ConsumerRecord<String, byte[]> record) {
		while (isRunning()) {
			try {
				ArticleEvent event = this.events.deserialize(record.topic(), record.value());
				if (event != null
						&& (event.getType() == ArticleEventType.PUBLISHED || event.getType() == ArticleEventType.UPDATED
								|| event.getType() == ArticleEventType.UNPUBLISHED)) {
					this.known.add(event.getArticle().getEdition());
				}
				return;
			}
			catch (SerializationException ex) {
				logger.warn("Passed over the record at {}-{} offset {}, which cannot be read: {}", record.topic(),
						record.partition(), record.offset(), ex.getMessage());
				return;
			}
			catch (SchemaRegistryUnavailableException ex) {
				logger.warn("Cannot read {} until the schema registry answers; retrying: {}", record.topic(),
						ex.getMessage());
				pause();
			}
		}
	}

}
