package dev.newsroom.feeds.syndication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import dev.newsroom.events.article.Article;
import dev.newsroom.feeds.catalogue.Catalogue;
import dev.newsroom.feeds.catalogue.MostRead;
import dev.newsroom.feeds.syndication.ArticleFeeds.Format;
import dev.newsroom.feeds.web.InvalidParameterException;

/**
 * The feeds and sitemaps, open to anyone and cacheable:
 * {@code /feeds/{edition}[/{section}]/rss.xml} and {@code …/atom.xml}, the most read at
 * {@code …/most-read.xml?window=24h} (or {@code 1h}), and
 * {@code /sitemaps/{edition}/news.xml}.
 * <p>
 * Each answer has a strong {@code ETag} (a hash of its bytes) and a {@code Last-Modified}
 * (its latest change, a retraction included), and a conditional request whose copy is
 * current gets 304. A feed reader that asks for {@code application/rss+xml} or
 * {@code application/atom+xml} gets it; a browser, which asks for
 * {@code application/xml}, gets that, and shows the XML rather than download it.
 */
@RestController
class FeedController {

	private static final String RSS = ArticleFeeds.RSS_TYPE;

	private static final String ATOM = ArticleFeeds.ATOM_TYPE;

	/** The most-read lists' windows, and how the feeds name them. */
	private static final Map<String, String> WINDOWS = Map.of("1h", "hour", "24h", "24 hours");

	private final Catalogue catalogue;

	private final MostRead mostRead;

	private final ArticleFeeds feeds;

	private final NewsSitemap sitemap;

	private final SyndicationSettings settings;

	private final Clock clock;

	FeedController(Catalogue catalogue, MostRead mostRead, ArticleFeeds feeds, NewsSitemap sitemap,
			SyndicationSettings settings, Clock clock) {
		this.catalogue = catalogue;
		this.mostRead = mostRead;
		this.feeds = feeds;
		this.sitemap = sitemap;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping(path = "/feeds/{edition}/rss.xml", produces = { RSS, MediaType.APPLICATION_XML_VALUE })
	Mono<ResponseEntity<String>> editionRss(@PathVariable String edition, ServerWebExchange exchange) {
		return feed(Format.RSS, edition, null, exchange);
	}

	@GetMapping(path = "/feeds/{edition}/atom.xml", produces = { ATOM, MediaType.APPLICATION_XML_VALUE })
	Mono<ResponseEntity<String>> editionAtom(@PathVariable String edition, ServerWebExchange exchange) {
		return feed(Format.ATOM, edition, null, exchange);
	}

	@GetMapping(path = "/feeds/{edition}/{section}/rss.xml", produces = { RSS, MediaType.APPLICATION_XML_VALUE })
	Mono<ResponseEntity<String>> sectionRss(@PathVariable String edition, @PathVariable String section,
			ServerWebExchange exchange) {
		return feed(Format.RSS, edition, section, exchange);
	}

	@GetMapping(path = "/feeds/{edition}/{section}/atom.xml", produces = { ATOM, MediaType.APPLICATION_XML_VALUE })
	Mono<ResponseEntity<String>> sectionAtom(@PathVariable String edition, @PathVariable String section,
			ServerWebExchange exchange) {
		return feed(Format.ATOM, edition, section, exchange);
	}

	@GetMapping(path = "/feeds/{edition}/most-read.xml", produces = { RSS, MediaType.APPLICATION_XML_VALUE })
	Mono<ResponseEntity<String>> editionMostRead(@PathVariable String edition,
			@RequestParam(defaultValue = "24h") String window, ServerWebExchange exchange) {
		return mostRead(edition, null, window, exchange);
	}

	@GetMapping(path = "/feeds/{edition}/{section}/most-read.xml", produces = { RSS, MediaType.APPLICATION_XML_VALUE })
	Mono<ResponseEntity<String>> sectionMostRead(@PathVariable String edition, @PathVariable String section,
			@RequestParam(defaultValue = "24h") String window, ServerWebExchange exchange) {
		return mostRead(edition, section, window, exchange);
	}

	@GetMapping(path = "/sitemaps/{edition}/news.xml", produces = MediaType.APPLICATION_XML_VALUE)
	Mono<ResponseEntity<String>> newsSitemap(@PathVariable String edition, ServerWebExchange exchange) {
		requireExists(edition, null);
		List<Article> articles = this.catalogue.latest(edition, null, NewsSitemap.MAX_URLS);
		return answer(articles, edition, null, Instant.EPOCH, exchange,
				(lastModified) -> this.sitemap.write(edition, articles, this.clock.instant()));
	}

	private Mono<ResponseEntity<String>> feed(Format format, String edition, @Nullable String section,
			ServerWebExchange exchange) {
		requireExists(edition, section);
		List<Article> articles = this.catalogue.latest(edition, section, this.settings.items());
		String self = exchange.getRequest().getURI().toString();
		return answer(articles, edition, section, Instant.EPOCH, exchange, (lastModified) -> this.feeds.write(format,
				edition, section, null, articles, Map.of(), self, lastModified));
	}

	/**
	 * The view counter's most-read list as an RSS feed, in its order, each item led by
	 * its views; articles retracted since the list was made are left out.
	 */
	private Mono<ResponseEntity<String>> mostRead(String edition, @Nullable String section, String window,
			ServerWebExchange exchange) {
		requireExists(edition, section);
		if (!WINDOWS.containsKey(window)) {
			throw new InvalidParameterException("window",
					"'" + window + "' is not a window of the most-read lists: give 1h or 24h.");
		}
		if (!this.mostRead.isLoaded()) {
			throw new MostReadUnavailableException();
		}
		MostRead.Ranking ranking = this.mostRead.ranking(edition, section, window);
		List<Article> articles = new ArrayList<>();
		Map<String, String> notes = new HashMap<>();
		if (ranking != null) {
			for (MostRead.Ranked ranked : ranking.articles()) {
				this.catalogue.article(ranked.articleId()).ifPresent((article) -> {
					articles.add(article);
					notes.put(article.getId(), ranked.views() + " views in the last " + WINDOWS.get(window) + ".");
				});
			}
		}
		Instant listed = (ranking != null) ? ranking.updatedAt() : Instant.EPOCH;
		String self = exchange.getRequest().getURI().toString();
		return answer(articles, edition, section, listed, exchange, (lastModified) -> this.feeds.write(Format.RSS,
				edition, section, "Most read, last " + WINDOWS.get(window), articles, notes, self, lastModified));
	}

	private Mono<ResponseEntity<String>> answer(List<Article> articles, String edition, @Nullable String section,
			Instant listed, ServerWebExchange exchange, Function<Instant, String> writer) {
		Instant lastModified = lastModified(articles, edition, section, listed);
		String xml = writer.apply(lastModified);
		String etag = etag(xml);
		if (exchange.checkNotModified(etag, lastModified)) {
			return Mono.empty();
		}
		return Mono.just(ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(this.settings.maxAge()).cachePublic())
			.eTag(etag)
			.lastModified(lastModified)
			.body(xml));
	}

	private Instant lastModified(List<Article> articles, String edition, @Nullable String section, Instant listed) {
		Instant latest = articles.stream().map(Article::getUpdatedAt).max(Instant::compareTo).orElse(listed);
		if (listed.isAfter(latest)) {
			latest = listed;
		}
		Instant changed = this.catalogue.lastChanged(edition, section);
		if (changed != null && changed.isAfter(latest)) {
			latest = changed;
		}
		// HTTP dates have whole seconds.
		return latest.truncatedTo(ChronoUnit.SECONDS);
	}

	private void requireExists(String edition, @Nullable String section) {
		if (!this.catalogue.exists(edition)) {
			throw new FeedNotFoundException("There is no edition '" + edition + "'. Editions with articles: "
					+ this.catalogue.describeEditions() + ".");
		}
		if (section != null && !this.catalogue.exists(edition, section)) {
			throw new FeedNotFoundException("Edition " + edition + " has never had an article in section '" + section
					+ "'. The edition's feed is /feeds/" + edition + "/rss.xml.");
		}
	}

	private static String etag(String xml) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8));
			return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
