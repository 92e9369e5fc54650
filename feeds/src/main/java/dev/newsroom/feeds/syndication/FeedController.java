package dev.newsroom.feeds.syndication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import dev.newsroom.events.article.Article;
import dev.newsroom.feeds.catalogue.Catalogue;
import dev.newsroom.feeds.syndication.ArticleFeeds.Format;

/**
 * The feeds and sitemaps, open to anyone and cacheable:
 * {@code /feeds/{edition}[/{section}]/rss.xml} and {@code …/atom.xml}, and
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

	private static final String RSS = "application/rss+xml";

	private static final String ATOM = "application/atom+xml";

	private final Catalogue catalogue;

	private final ArticleFeeds feeds;

	private final NewsSitemap sitemap;

	private final SyndicationSettings settings;

	private final Clock clock;

	FeedController(Catalogue catalogue, ArticleFeeds feeds, NewsSitemap sitemap, SyndicationSettings settings,
			Clock clock) {
		this.catalogue = catalogue;
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

	@GetMapping(path = "/sitemaps/{edition}/news.xml", produces = MediaType.APPLICATION_XML_VALUE)
	Mono<ResponseEntity<String>> newsSitemap(@PathVariable String edition, ServerWebExchange exchange) {
		requireExists(edition, null);
		List<Article> articles = this.catalogue.latest(edition, null, NewsSitemap.MAX_URLS);
		return answer(articles, edition, null, exchange,
				(lastModified) -> this.sitemap.write(edition, articles, this.clock.instant()));
	}

	private Mono<ResponseEntity<String>> feed(Format format, String edition, @Nullable String section,
			ServerWebExchange exchange) {
		requireExists(edition, section);
		List<Article> articles = this.catalogue.latest(edition, section, this.settings.items());
		String self = exchange.getRequest().getURI().toString();
		return answer(articles, edition, section, exchange,
				(lastModified) -> this.feeds.write(format, edition, section, articles, self, lastModified));
	}

	private Mono<ResponseEntity<String>> answer(List<Article> articles, String edition, @Nullable String section,
			ServerWebExchange exchange, Function<Instant, String> writer) {
		Instant lastModified = lastModified(articles, edition, section);
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

	private Instant lastModified(List<Article> articles, String edition, @Nullable String section) {
		Instant latest = articles.stream().map(Article::getUpdatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
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
					+ String.join(", ", this.catalogue.known()) + ".");
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
