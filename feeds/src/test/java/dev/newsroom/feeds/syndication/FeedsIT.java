package dev.newsroom.feeds.syndication;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.feeds.ArticleChanges;
import dev.newsroom.feeds.RunningFeeds;

import static dev.newsroom.feeds.ArticleChanges.corrected;
import static dev.newsroom.feeds.ArticleChanges.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feeds and sitemaps against a real broker and registry, with article events written
 * as the publisher writes them, read back with ROME (and the sitemap with the JDK's XML
 * parser). Each test uses a section of its own.
 */
class FeedsIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static RunningFeeds feeds;

	private static WebClient web;

	private static ArticleChanges changes;

	@BeforeAll
	static void startFeeds() {
		ArticleChanges.createTopics();
		changes = new ArticleChanges();
		feeds = start();
	}

	@AfterAll
	static void stopFeeds() {
		feeds.close();
		changes.close();
	}

	private static RunningFeeds start() {
		RunningFeeds started = RunningFeeds.start("--newsroom.feeds.editions=en",
				"--newsroom.feeds.syndication.site-name=The Example Times",
				"--newsroom.feeds.syndication.site-url=https://news.example");
		web = started.web();
		return started;
	}

	@Test
	void rssAndAtomListASectionsArticlesNewestFirstAndReadBackWithRome() throws Exception {
		// An edition of its own, so that the other tests' articles are not the latest.
		String edition = "e" + section().substring(1);
		String section = section();
		ArticleEvent older = published(edition, "older-" + section, section, Instant.now().minusSeconds(120));
		ArticleEvent newer = published(edition, "newer-" + section, section, Instant.now().minusSeconds(60));
		changes.write(older, newer);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(entries("/feeds/" + edition + "/" + section + "/rss.xml")).hasSize(2));
		for (String format : List.of("rss.xml", "atom.xml")) {
			SyndFeed feed = feed("/feeds/" + edition + "/" + section + "/" + format);
			assertThat(feed.getTitle()).isEqualTo("The Example Times (" + edition + "/" + section + ")");
			// ROME reads an Atom feed's id into its link; the alternate link is among the
			// links.
			String siteLink = format.equals("rss.xml") ? feed.getLink()
					: feed.getLinks()
						.stream()
						.filter((link) -> "alternate".equals(link.getRel()))
						.map(SyndLink::getHref)
						.findFirst()
						.orElse(null);
			assertThat(siteLink).isEqualTo("https://news.example/" + edition + "/" + section);
			List<SyndEntry> entries = feed.getEntries();
			assertThat(entries).extracting(SyndEntry::getTitle)
				.containsExactly("Title of newer-" + section, "Title of older-" + section);
			assertThat(entries.get(0).getLink()).isEqualTo(newer.getArticle().getCanonicalUrl());
			assertThat(entries.get(0).getUri()).isEqualTo("urn:uuid:newer-" + section);
			assertThat(entries.get(0).getPublishedDate().toInstant())
				.isEqualTo(newer.getArticle().getPublishedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		}
		assertThat(entries("/feeds/" + edition + "/rss.xml")).extracting(SyndEntry::getUri)
			.contains("urn:uuid:newer-" + section, "urn:uuid:older-" + section);
	}

	@Test
	void aCorrectionUpdatesItsItemAndARetractionRemovesIt() throws Exception {
		String section = section();
		String id = "fixed-" + section;
		changes.write(published(id, section, Instant.now()));
		await().atMost(WAIT).untilAsserted(() -> assertThat(entries("/feeds/en/" + section + "/atom.xml")).hasSize(1));
		ArticleEvent correction = corrected(event(id, 2, "en", section, ArticleEventType.UPDATED),
				"An earlier version misstated the vote count.");
		correction.getArticle().setTitle("Budget passes 71-30");
		changes.write(correction);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(entries("/feeds/en/" + section + "/atom.xml")).singleElement()
				.satisfies((entry) -> {
					assertThat(entry.getUri()).isEqualTo("urn:uuid:" + id);
					assertThat(entry.getTitle()).isEqualTo("Budget passes 71-30");
					assertThat(entry.getDescription().getValue())
						.startsWith("Correction: An earlier version misstated the vote count.");
				}));
		changes.write(event(id, 3, "en", section, ArticleEventType.UNPUBLISHED));
		await().atMost(WAIT).untilAsserted(() -> assertThat(entries("/feeds/en/" + section + "/rss.xml")).isEmpty());
	}

	@Test
	void aCurrentCopyGets304ByETagOrDateAndAChangeGetsANewOne() {
		String section = section();
		changes.write(published("cached-" + section, section, Instant.now()));
		String path = "/feeds/en/" + section + "/rss.xml";
		await().atMost(WAIT).untilAsserted(() -> assertThat(get(path, null).getBody()).contains("cached-" + section));
		ResponseEntity<String> first = get(path, null);
		String etag = first.getHeaders().getETag();
		long lastModified = first.getHeaders().getLastModified();
		assertThat(etag).startsWith("\"");
		assertThat(lastModified).isPositive();
		assertThat(first.getHeaders().getCacheControl()).contains("max-age=60");
		assertThat(conditional(path, HttpHeaders.IF_NONE_MATCH, etag).getStatusCode().value()).isEqualTo(304);
		assertThat(
				conditional(path, HttpHeaders.IF_MODIFIED_SINCE, first.getHeaders().getFirst(HttpHeaders.LAST_MODIFIED))
					.getStatusCode()
					.value())
			.isEqualTo(304);
		changes.write(published("later-" + section, section, Instant.now().plusSeconds(2)));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(conditional(path, HttpHeaders.IF_NONE_MATCH, etag).getStatusCode().value())
				.isEqualTo(200));
		assertThat(get(path, null).getHeaders().getETag()).isNotEqualTo(etag);
	}

	@Test
	void aFeedReaderGetsItsTypeAndABrowserGetsXmlItShows() {
		String section = section();
		changes.write(published("typed-" + section, section, Instant.now()));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(get("/feeds/en/" + section + "/rss.xml", null).getStatusCode().value())
				.isEqualTo(200));
		assertThat(get("/feeds/en/" + section + "/rss.xml", "application/rss+xml").getHeaders().getContentType())
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.parseMediaType("application/rss+xml")))
				.isTrue());
		assertThat(get("/feeds/en/" + section + "/atom.xml", "application/atom+xml").getHeaders().getContentType())
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.parseMediaType("application/atom+xml")))
				.isTrue());
		assertThat(get("/feeds/en/" + section + "/rss.xml", BROWSER_ACCEPT).getHeaders().getContentType())
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_XML)).isTrue());
	}

	@Test
	void theNewsSitemapListsTheLastTwoDaysArticles() throws Exception {
		// An edition of its own: the sitemap lists the newest 1,000, and other tests
		// (StreamLimitsIT) publish more than that to "en" in the same broker.
		String edition = "e" + section().substring(1);
		String section = section();
		ArticleEvent recent = published(edition, "recent-" + section, section, Instant.now().minusSeconds(3600));
		ArticleEvent old = published(edition, "old-" + section, section, Instant.now().minus(Duration.ofDays(3)));
		changes.write(recent, old);
		String path = "/sitemaps/" + edition + "/news.xml";
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(get(path, null).getBody()).contains(recent.getArticle().getCanonicalUrl()));
		Document sitemap = parse(get(path, null).getBody());
		Element root = sitemap.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("urlset");
		assertThat(root.getNamespaceURI()).isEqualTo(NewsSitemap.SITEMAP);
		NodeList locations = sitemap.getElementsByTagNameNS(NewsSitemap.SITEMAP, "loc");
		List<String> urls = new java.util.ArrayList<>();
		for (int i = 0; i < locations.getLength(); i++) {
			urls.add(locations.item(i).getTextContent());
		}
		assertThat(urls).contains(recent.getArticle().getCanonicalUrl())
			.doesNotContain(old.getArticle().getCanonicalUrl());
		Element url = (Element) locations.item(urls.indexOf(recent.getArticle().getCanonicalUrl())).getParentNode();
		assertThat(url.getElementsByTagNameNS(NewsSitemap.NEWS, "name").item(0).getTextContent())
			.isEqualTo("The Example Times");
		assertThat(url.getElementsByTagNameNS(NewsSitemap.NEWS, "language").item(0).getTextContent())
			.isEqualTo(edition);
		assertThat(url.getElementsByTagNameNS(NewsSitemap.NEWS, "title").item(0).getTextContent())
			.isEqualTo("Title of recent-" + section);
		assertThat(Instant
			.parse(url.getElementsByTagNameNS(NewsSitemap.NEWS, "publication_date").item(0).getTextContent()))
			.isEqualTo(recent.getArticle().getPublishedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
	}

	@Test
	void theMostReadFeedListsTheViewCountersRankingWithViews() throws Exception {
		String section = section();
		changes.write(published("first-" + section, section, Instant.now().minusSeconds(30)),
				published("second-" + section, section, Instant.now()));
		Map<String, Long> ranked = new LinkedHashMap<>();
		ranked.put("second-" + section, 487L);
		ranked.put("retracted-or-unknown-" + section, 300L);
		ranked.put("first-" + section, 12L);
		changes.writeMostRead("en", section, "24h", ranked);
		String path = "/feeds/en/" + section + "/most-read.xml";
		await().atMost(WAIT).untilAsserted(() -> assertThat(entries(path)).hasSize(2));
		SyndFeed feed = feed(path);
		assertThat(feed.getTitle()).isEqualTo("The Example Times (en/" + section + "): Most read, last 24 hours");
		assertThat(feed.getEntries()).extracting(SyndEntry::getUri)
			.containsExactly("urn:uuid:second-" + section, "urn:uuid:first-" + section);
		assertThat(feed.getEntries().get(0).getDescription().getValue()).startsWith("487 views in the last 24 hours.");
		assertThat(entries(path + "?window=1h")).as("no hourly list yet").isEmpty();
		ResponseEntity<String> badWindow = get(path + "?window=7d", null);
		assertThat(badWindow.getStatusCode().value()).isEqualTo(400);
		assertThat(json.readTree(badWindow.getBody()).get("errors").get(0).get("field").asString()).isEqualTo("window");
	}

	@Test
	void anUnknownSectionOrEditionIs404WithWhatExists() {
		String section = section();
		ResponseEntity<String> noSection = get("/feeds/en/" + section + "/rss.xml", "application/rss+xml");
		assertThat(noSection.getStatusCode().value()).isEqualTo(404);
		assertThat(noSection.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(noSection.getBody());
		assertThat(problem.get("type").asString()).isEqualTo("https://newsroom.dev/problems/feed-not-found");
		assertThat(problem.get("detail").asString()).contains("never had an article in section '" + section + "'");
		ResponseEntity<String> noEdition = get("/sitemaps/qq/news.xml", null);
		assertThat(noEdition.getStatusCode().value()).isEqualTo(404);
		assertThat(json.readTree(noEdition.getBody()).get("detail").asString())
			.contains("There is no edition 'qq'. Editions with articles: ");
	}

	@Test
	void aRestartedServiceRebuildsTheFeedsFromTheTopic() throws Exception {
		String section = section();
		changes.write(published("kept-" + section, section, Instant.now()));
		String path = "/feeds/en/" + section + "/rss.xml";
		await().atMost(WAIT).untilAsserted(() -> assertThat(entries(path)).hasSize(1));
		feeds.close();
		changes.write(event("kept-" + section, 2, "en", section, ArticleEventType.UPDATED));
		changes.write(published("while-down-" + section, section, Instant.now().plusSeconds(1)));
		feeds = start();
		assertThat(entries(path)).as("ready means the catalogue was read to its end")
			.extracting(SyndEntry::getUri)
			.containsExactlyInAnyOrder("urn:uuid:kept-" + section, "urn:uuid:while-down-" + section);
	}

	private static ArticleEvent published(String id, String section, Instant at) {
		return published("en", id, section, at);
	}

	private static ArticleEvent published(String edition, String id, String section, Instant at) {
		ArticleEvent event = event(id, 1, edition, section, ArticleEventType.PUBLISHED);
		event.getArticle().setPublishedAt(at);
		event.getArticle().setUpdatedAt(at);
		return event;
	}

	private static String section() {
		return "f" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static List<SyndEntry> entries(String path) throws Exception {
		return feed(path).getEntries();
	}

	private static SyndFeed feed(String path) throws Exception {
		ResponseEntity<String> response = get(path, null);
		assertThat(response.getStatusCode().value()).as("GET %s", path).isEqualTo(200);
		return new SyndFeedInput().build(new StringReader(response.getBody()));
	}

	private static ResponseEntity<String> get(String path, String accept) {
		return web.get().uri(path).headers((headers) -> {
			if (accept != null) {
				headers.set(HttpHeaders.ACCEPT, accept);
			}
		}).exchangeToMono((response) -> response.toEntity(String.class)).block(WAIT);
	}

	private static ResponseEntity<String> conditional(String path, String header, String value) {
		return web.get()
			.uri(path)
			.header(header, value)
			.exchangeToMono((response) -> response.toEntity(String.class)
				.defaultIfEmpty(ResponseEntity.status(response.statusCode()).build()))
			.switchIfEmpty(Mono.error(new AssertionError("no answer")))
			.block(WAIT);
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

}
