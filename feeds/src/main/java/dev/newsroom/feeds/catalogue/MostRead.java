package dev.newsroom.feeds.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsroom.events.view.TrendingArticles;
import dev.newsroom.feeds.topics.TopicReader;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;

/**
 * The current most-read lists, as the view counter publishes them on the compacted
 * {@code newsroom.trending}: per edition or section and window ({@code 1h}, {@code 24h}),
 * the articles with the most views, most first. Read from the topic's start at every
 * start; {@link #isLoaded() loaded} once read to where it ended then.
 */
public class MostRead extends TopicReader {

	private static final Logger logger = LoggerFactory.getLogger(MostRead.class);

	private final SpecificAvroDeserializer<TrendingArticles> lists;

	private final Map<String, Ranking> rankings = new ConcurrentHashMap<>();

	/**
	 * @param consumerConfig the consumer's settings
	 * @param topic the most-read topic, {@code newsroom.trending}
	 * @param lists the deserializer of its values, configured
	 */
	public MostRead(Map<String, Object> consumerConfig, String topic,
			SpecificAvroDeserializer<TrendingArticles> lists) {
		super(consumerConfig, "feeds-most-read", topic);
		this.lists = lists;
	}

	/**
	 * @param edition an edition
	 * @param section a section, or {@code null} for the whole edition
	 * @param window {@code 1h} or {@code 24h}
	 * @return its current list, or {@code null} if the view counter has published none
	 */
	public @Nullable Ranking ranking(String edition, @Nullable String section, String window) {
		return this.rankings.get(((section != null) ? edition + "/" + section : edition) + "|" + window);
	}

	@Override
	protected void read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
		replayAndFollow(consumer, partitions, this::learn);
	}

	@Override
	protected void loaded() {
		logger.info("Read {} most-read lists", this.rankings.size());
	}

	private void learn(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			this.rankings.remove(record.key());
			return;
		}
		decode(record, this.lists).ifPresent((list) -> this.rankings.put(record.key(),
				new Ranking(list.getArticles()
					.stream()
					.map((article) -> new Ranked(article.getArticleId(), article.getViews()))
					.toList(), Instant.ofEpochMilli(record.timestamp()))));
	}

	/**
	 * A most-read list.
	 *
	 * @param articles the articles, most views first
	 * @param updatedAt when the view counter published it
	 */
	public record Ranking(List<Ranked> articles, Instant updatedAt) {
	}

	/**
	 * An article's place in a list.
	 *
	 * @param articleId the article
	 * @param views its views in the window
	 */
	public record Ranked(String articleId, long views) {
	}

}
