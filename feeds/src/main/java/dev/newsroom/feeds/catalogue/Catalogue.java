package dev.newsroom.feeds.catalogue;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.feeds.topics.TopicReader;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;

/**
 * The public articles, rebuilt at every start by reading the compacted
 * {@code newsroom.articles} from its start, and kept up to date by following it: a
 * published or updated article is in it in its latest version, a retracted one is
 * removed. It also knows which editions and sections exist: those configured
 * ({@code newsroom.feeds.editions}), and those of every article that was ever public. It
 * is {@link #isLoaded() loaded} once it has read up to where the topic ended when the
 * service started.
 */
public class Catalogue extends TopicReader {

	private static final Logger logger = LoggerFactory.getLogger(Catalogue.class);

	private final SpecificAvroDeserializer<ArticleEvent> events;

	private final Set<String> known = new ConcurrentSkipListSet<>();

	private final Set<String> knownSections = ConcurrentHashMap.newKeySet();

	private final Map<String, Article> articles = new ConcurrentHashMap<>();

	/** When each edition's and section's articles last changed, a retraction included. */
	private final Map<String, Instant> changed = new ConcurrentHashMap<>();

	private static final Comparator<Article> NEWEST_FIRST = Comparator.comparing(
			(Article article) -> (article.getPublishedAt() != null) ? article.getPublishedAt() : article.getUpdatedAt())
		.reversed()
		.thenComparing(Article::getId);

	/**
	 * @param consumerConfig the consumer's settings
	 * @param topic the compacted catalogue topic, {@code newsroom.articles}
	 * @param configured editions that exist whether or not they have articles yet
	 * @param events the deserializer of its values, configured
	 */
	public Catalogue(Map<String, Object> consumerConfig, String topic, Collection<String> configured,
			SpecificAvroDeserializer<ArticleEvent> events) {
		super(consumerConfig, "feeds-catalogue", topic);
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
	 * @return the editions that exist, for an error message: {@code en, ru}, or
	 * {@code none yet}
	 */
	public String describeEditions() {
		Set<String> editions = known();
		return editions.isEmpty() ? "none yet" : String.join(", ", editions);
	}

	/**
	 * @return the editions that exist, in alphabetical order
	 */
	public Set<String> known() {
		return new TreeSet<>(this.known);
	}

	/**
	 * @param edition an edition
	 * @param section a section
	 * @return whether the edition has or had an article in that section
	 */
	public boolean exists(String edition, String section) {
		return this.knownSections.contains(edition + "/" + section);
	}

	/**
	 * @param edition an edition
	 * @param section a section, or {@code null} for the whole edition
	 * @param limit how many articles at most
	 * @return the public articles of the edition (and section), the most recently
	 * published first
	 */
	public List<Article> latest(String edition, @Nullable String section, int limit) {
		return this.articles.values()
			.stream()
			.filter((article) -> article.getEdition().equals(edition)
					&& (section == null || article.getSection().equals(section)))
			.sorted(NEWEST_FIRST)
			.limit(limit)
			.toList();
	}

	/**
	 * @param articleId an article's id
	 * @return the article, if it is public
	 */
	public Optional<Article> article(String articleId) {
		return Optional.ofNullable(this.articles.get(articleId));
	}

	/**
	 * @param edition an edition
	 * @param section a section, or {@code null} for the whole edition
	 * @return when its articles last changed, a retraction included, or {@code null} if
	 * they never did since the service started
	 */
	public @Nullable Instant lastChanged(String edition, @Nullable String section) {
		return this.changed.get(scope(edition, section));
	}

	@Override
	protected void read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
		replayAndFollow(consumer, partitions, (record) -> decode(record, this.events).ifPresent(this::apply));
	}

	@Override
	protected void loaded() {
		logger.info("Read {} public articles, of editions {}", this.articles.size(), known());
	}

	private void apply(ArticleEvent event) {
		boolean shown;
		switch (event.getType()) {
			case PUBLISHED, UPDATED -> shown = true;
			case UNPUBLISHED -> shown = false;
			// Drafts and schedules are not public; a published article has none.
			default -> {
				return;
			}
		}
		Article article = event.getArticle();
		this.known.add(article.getEdition());
		this.knownSections.add(article.getEdition() + "/" + article.getSection());
		Article before = shown ? this.articles.put(article.getId(), article) : this.articles.remove(article.getId());
		if (shown || before != null) {
			Instant at = event.getOccurredAt();
			this.changed.merge(scope(article.getEdition(), null), at, Catalogue::later);
			this.changed.merge(scope(article.getEdition(), article.getSection()), at, Catalogue::later);
		}
	}

	private static Instant later(Instant one, Instant other) {
		return one.isAfter(other) ? one : other;
	}

	private static String scope(String edition, @Nullable String section) {
		return (section != null) ? edition + "/" + section : edition;
	}

}
