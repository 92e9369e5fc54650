package dev.newsroom.publisher.catalogue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleStatus;

/**
 * Every article as it stands, built by replaying the compacted articles topic: the
 * publisher's only read model, with no database behind it. Applying an event is
 * idempotent and never goes back a version, so the writer may apply its own events as
 * soon as they are committed while the feed applies them again when it reads them.
 */
public final class Catalogue {

	private final Map<String, ArticleEvent> articles = new ConcurrentHashMap<>();

	private final Map<String, String> slugs = new ConcurrentHashMap<>();

	private final Object changed = new Object();

	/**
	 * Applies an event, unless the catalogue already has that version or a later one.
	 * @param event the event
	 */
	public void apply(ArticleEvent event) {
		Article article = event.getArticle();
		ArticleEvent result = this.articles.merge(article.getId(), event, (old,
				candidate) -> (candidate.getArticle().getVersion() > old.getArticle().getVersion()) ? candidate : old);
		if (result == event) {
			this.slugs.putIfAbsent(slugKey(article.getEdition(), article.getSlug()), article.getId());
			synchronized (this.changed) {
				this.changed.notifyAll();
			}
		}
	}

	/**
	 * @param id an article id
	 * @return the latest event of the article, which carries it as it stands
	 */
	public Optional<ArticleEvent> get(String id) {
		return Optional.ofNullable(this.articles.get(id));
	}

	/**
	 * @param edition an edition
	 * @param slug a slug
	 * @return the id of the article that holds the slug in the edition, if any
	 */
	public @Nullable String slugHolder(String edition, String slug) {
		return this.slugs.get(slugKey(edition, slug));
	}

	/**
	 * Waits until the catalogue has at least the given version of an article, so that an
	 * editor reads what they just wrote from any instance.
	 * @param id the article id
	 * @param version the version
	 * @param timeout how long to wait at most
	 * @return whether the version arrived in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean awaitVersion(String id, long version, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.changed) {
			while (!hasVersion(id, version)) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				Duration wait = Duration.ofNanos(left);
				this.changed.wait(Math.max(1, wait.toMillis()));
			}
			return true;
		}
	}

	private boolean hasVersion(String id, long version) {
		ArticleEvent event = this.articles.get(id);
		return event != null && event.getArticle().getVersion() >= version;
	}

	/**
	 * @param filter which articles
	 * @param page the page, from 0
	 * @param size articles per page
	 * @return one page of the matching articles, most recently changed first
	 */
	public Page search(Filter filter, int page, int size) {
		List<ArticleEvent> matching = this.articles.values()
			.stream()
			.filter(filter)
			.sorted(Comparator.comparing((ArticleEvent event) -> event.getArticle().getUpdatedAt())
				.reversed()
				.thenComparing((event) -> event.getArticle().getId()))
			.toList();
		int from = (int) Math.min((long) page * size, matching.size());
		int to = Math.min(from + size, matching.size());
		return new Page(matching.subList(from, to), page, size, matching.size());
	}

	/**
	 * @param status a status
	 * @return the articles in that status
	 */
	public Stream<ArticleEvent> withStatus(ArticleStatus status) {
		return this.articles.values().stream().filter((event) -> ArticleStatuses.after(event) == status);
	}

	/**
	 * @return how many articles there are
	 */
	public int size() {
		return this.articles.size();
	}

	private static String slugKey(String edition, String slug) {
		return edition + "/" + slug;
	}

	/**
	 * Which articles a search wants; {@code null} members match everything.
	 *
	 * @param edition an edition
	 * @param section a section
	 * @param status a status
	 * @param text words that the title or lead must contain, case-insensitively
	 */
	public record Filter(@Nullable String edition, @Nullable String section, @Nullable ArticleStatus status,
			@Nullable String text) implements Predicate<ArticleEvent> {

		@Override
		public boolean test(ArticleEvent event) {
			Article article = event.getArticle();
			return (this.edition == null || this.edition.equals(article.getEdition()))
					&& (this.section == null || this.section.equals(article.getSection()))
					&& (this.status == null || this.status == ArticleStatuses.after(event))
					&& (this.text == null || containsAllWords(article));
		}

		private boolean containsAllWords(Article article) {
			String haystack = (article.getTitle() + "\n" + article.getLead()).toLowerCase(Locale.ROOT);
			return Stream.of(this.text.toLowerCase(Locale.ROOT).split("\\s+"))
				.filter((word) -> !word.isEmpty())
				.allMatch(haystack::contains);
		}

	}

	/**
	 * One page of a search.
	 *
	 * @param articles the articles on the page
	 * @param page the page, from 0
	 * @param size the page size asked for
	 * @param total how many articles match in all
	 */
	public record Page(List<ArticleEvent> articles, int page, int size, int total) {
	}

}
