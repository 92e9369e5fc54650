package dev.newsroom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.newsroom.bench.harness.BenchmarkException;
import dev.newsroom.bench.harness.BenchmarkOptions;
import dev.newsroom.bench.harness.KeepAliveConnection;

/**
 * Page views as readers' browsers send them to the view counter, for the view-counter
 * benchmarks: what {@code /beacon.js} sends with {@code navigator.sendBeacon} (JSON as
 * {@code text/plain}, with a view id and the site's {@code Origin}), each from a reader
 * of its own. The view counter sits behind a proxy as in production, so each reader is
 * told apart by its {@code X-Forwarded-For} address: no reader is rate-limited, and every
 * view counts.
 */
final class ReaderBeacons {

	static final String DEFAULT_URL = "http://localhost:8083";

	static final String DEFAULT_SITE = "http://localhost:8080";

	private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private final URI viewCounter;

	private final String site;

	private final String runId;

	ReaderBeacons(URI viewCounter, String site) {
		this.viewCounter = viewCounter;
		this.site = site;
		this.runId = Long.toString(System.currentTimeMillis(), 36);
	}

	/**
	 * The options of every view-counter benchmark: where the services are, who signs in.
	 */
	private static final List<String> COMMON_OPTIONS = List.of("url", "publisher-url", "user", "password", "site",
			"articles");

	private static final Duration FIRST_VIEWS_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * @param own a benchmark's own options
	 * @return those and the options every view-counter benchmark takes
	 */
	static String[] options(String... own) {
		List<String> names = new ArrayList<>(COMMON_OPTIONS);
		names.addAll(List.of(own));
		return names.toArray(String[]::new);
	}

	/**
	 * Sets a view-counter benchmark up from the common options: signs in to the
	 * publisher, and publishes the articles its views are of ({@code --articles=}, 20 by
	 * default, plus {@code extra}), each counted once before the benchmark starts.
	 * @param options the benchmark's options
	 * @param environment the environment variables, for the password
	 * @param extra articles the benchmark needs beyond {@code --articles=}
	 * @return the view counter's client and the articles
	 * @throws InterruptedException if interrupted while waiting
	 */
	static Setup setUp(BenchmarkOptions options, Map<String, String> environment, int extra)
			throws InterruptedException {
		int count = (int) Math.min(100 - extra, options.positiveNumber("articles", 20));
		ReaderBeacons beacons = new ReaderBeacons(options.httpUrl("url", DEFAULT_URL),
				options.string("site", DEFAULT_SITE));
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		PublisherClient publisher = PublisherClient.signIn(options, "publisher-url", environment, http);
		return new Setup(beacons, http, beacons.countedArticles(publisher, http, count + extra, FIRST_VIEWS_TIMEOUT));
	}

	/**
	 * A view-counter benchmark, set up.
	 *
	 * @param beacons the view counter
	 * @param http a client for its API
	 * @param articles the published articles, each counted once
	 */
	record Setup(ReaderBeacons beacons, HttpClient http, List<String> articles) {
	}

	String host() {
		return this.viewCounter.getHost();
	}

	int port() {
		return this.viewCounter.getPort();
	}

	/**
	 * Reader {@code reader}'s view of an article, as bytes to send.
	 * @param articleId the article
	 * @param reader the reader's number in this run, which gives it an address of its own
	 * (up to 16,777,216 readers)
	 * @return the beacon's request
	 */
	byte[] beacon(String articleId, long reader) {
		String address = "10." + ((reader >> 16) & 0xff) + "." + ((reader >> 8) & 0xff) + "." + (reader & 0xff);
		return KeepAliveConnection.request("POST", this.viewCounter.getAuthority(), "/api/views",
				List.of("User-Agent: " + CHROME, "Origin: " + this.site, "Content-Type: text/plain;charset=UTF-8",
						"X-Forwarded-For: " + address, "Accept: */*"),
				"{\"articleId\":\"" + articleId + "\",\"viewId\":\"bench-" + this.runId + "-" + reader + "\"}");
	}

	/**
	 * Reads the articles' counts through the API.
	 * @param http the client
	 * @param articleIds up to 100 articles
	 * @return each article's count, or an empty map if the view counter answered other
	 * than 200 (such as 503 during a rebalance)
	 * @throws InterruptedException if interrupted while waiting
	 */
	Map<String, Long> counts(HttpClient http, List<String> articleIds) throws InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.viewCounter + "/api/views?ids=" + String.join(",", articleIds)))
			.timeout(REQUEST_TIMEOUT)
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new BenchmarkException("GET " + request.uri() + " got no answer (" + ex.getClass().getSimpleName()
					+ "). Start the stack with ./run-local, or give the view counter's URL with --url=.");
		}
		Map<String, Long> counts = new HashMap<>();
		if (response.statusCode() != 200) {
			return counts;
		}
		try {
			for (JsonNode count : JsonMapper.shared().readTree(response.body())) {
				counts.put(count.path("articleId").asString(), count.path("views").asLong());
			}
		}
		catch (JacksonException ex) {
			throw new BenchmarkException("GET " + request.uri() + " answered 200 with a body that is not a list of "
					+ "counts. Is " + this.viewCounter + " a Newsroom view counter?");
		}
		return counts;
	}

	/**
	 * Publishes articles and sends each one view, then waits until every one is counted:
	 * the articles a benchmark's views are of, known to the view counter's catalogue and
	 * counted end to end before the benchmark starts.
	 * @param publisher the publisher
	 * @param http a client for the view counter's API
	 * @param count how many articles, at most 100
	 * @param timeout how long the first views may take to be counted
	 * @return the articles' ids
	 * @throws InterruptedException if interrupted while waiting
	 */
	private List<String> countedArticles(PublisherClient publisher, HttpClient http, int count, Duration timeout)
			throws InterruptedException {
		List<String> articleIds = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			articleIds.add(publisher.publishAndWait(n));
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		Map<String, Long> counts = counts(http, articleIds);
		try (KeepAliveConnection connection = new KeepAliveConnection(host(), port())) {
			long reader = 1L << 23;
			while (!articleIds.stream().allMatch((id) -> counts.getOrDefault(id, 0L) > 0)) {
				if (System.nanoTime() > deadline) {
					throw new BenchmarkException("The view counter at " + this.viewCounter + " counted no view of "
							+ "some of the " + count + " articles just published within " + timeout.toSeconds()
							+ " s. Is its streams application running (GET /actuator/health)?");
				}
				for (String articleId : articleIds) {
					if (counts.getOrDefault(articleId, 0L) == 0) {
						connection.send(beacon(articleId, reader++));
					}
				}
				Thread.sleep(500);
				counts.putAll(counts(http, articleIds));
			}
		}
		catch (IOException ex) {
			throw new BenchmarkException("The view counter at " + this.viewCounter + " does not take beacons ("
					+ ex.getMessage() + "). Start the stack with ./run-local, or give its URL with --url=.");
		}
		return articleIds;
	}

}
