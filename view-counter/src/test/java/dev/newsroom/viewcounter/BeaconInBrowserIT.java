package dev.newsroom.viewcounter;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.schemas.Topics;
import dev.newsroom.testsupport.EmbeddedStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code beacon.js} in a real browser: Debian's headless chromium, driven by Selenium,
 * loads an article page of the site that embeds it, as a reader would. Three loads by one
 * reader are one view; a second reader, in another browser on the same network, makes
 * two. Skipped where chromium's driver is not installed; {@code .ci/run} installs it.
 */
// Closed after the class, before its state directory is deleted.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BeaconInBrowserIT {

	/** Headless chromium names itself HeadlessChrome, which is dropped as a robot. */
	private static final String READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/142.0.0.0 Safari/537.36";

	/** Another reader on the same network, in another browser. */
	private static final String ANOTHER_READER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36";

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final HttpServer site = startSite();

	private static volatile int viewCounterPort;

	@TempDir
	static Path stateDir;

	@TempDir
	Path profiles;

	private final MeterRegistry meters;

	@LocalServerPort
	private int port;

	BeaconInBrowserIT(@Autowired MeterRegistry meters) {
		this.meters = meters;
	}

	@DynamicPropertySource
	static void stack(DynamicPropertyRegistry registry) {
		EmbeddedStack.register(registry);
		registry.add("spring.kafka.streams.state-dir", () -> stateDir.resolve("state").toString());
		String origin = "http://localhost:" + site.getAddress().getPort();
		registry.add("newsroom.view-counter.allowed-origins", () -> origin);
		registry.add("newsroom.view-counter.beacon.site", () -> origin);
	}

	@AfterAll
	static void stopSite() {
		site.stop(0);
	}

	@Test
	void threeLoadsByOneReaderAreOneViewAndASecondReaderMakesTwo() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER),
				"Needs Debian's chromium and chromium-driver (apt install chromium chromium-driver)");
		viewCounterPort = this.port;
		awaitCountsReadable();
		String article = "article-" + UUID.randomUUID();
		ArticleEvents.publish(Topics.ARTICLES, ArticleEvents.event(article, ArticleEventType.PUBLISHED,
				ArticleStatus.PUBLISHED, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
		String page = "http://localhost:" + site.getAddress().getPort() + "/en/" + article;
		double repeatsBefore = dropped("same-visit");

		ChromeDriver reader = browser("reader-1", READER);
		try {
			for (int load = 1; load <= 3; load++) {
				double receivedBefore = received();
				reader.get(page);
				// A reader reads before reloading: each load's beacon arrives before the
				// next
				// load, rather than racing it on a loaded machine.
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(received() - receivedBefore).as("beacons received").isEqualTo(1));
			}
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(views(article)).isEqualTo(1);
				assertThat(dropped("same-visit") - repeatsBefore).as("the two repeated loads").isEqualTo(2);
			});
		}
		finally {
			reader.quit();
		}

		ChromeDriver another = browser("reader-2", ANOTHER_READER);
		try {
			another.get(page);
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(views(article)).isEqualTo(2));
		}
		finally {
			another.quit();
		}
	}

	private ChromeDriver browser(String profile, String userAgent) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--user-agent=" + userAgent,
				"--user-data-dir=" + this.profiles.resolve(profile));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private void awaitCountsReadable() {
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(views("any")).isZero());
	}

	private long views(String article) throws Exception {
		String body = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/articles/" + article + "/views"))
				.build(), BodyHandlers.ofString())
			.body();
		return JsonMapper.shared().readTree(body).path("views").asLong();
	}

	private double received() {
		return this.meters.find("newsroom.views.received").counters().stream().mapToDouble(Counter::count).sum();
	}

	private double dropped(String reason) {
		return this.meters.get("newsroom.views.dropped").tag("reason", reason).counter().count();
	}

	/** The site: an article page that embeds the view counter's beacon. */
	private static HttpServer startSite() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 16);
			server.createContext("/en/", (exchange) -> {
				String article = exchange.getRequestURI().getPath().substring("/en/".length());
				byte[] page = ("<!doctype html><html><head><title>Article</title>"
						+ "<script async src=\"http://localhost:" + viewCounterPort + "/beacon.js\" data-article=\""
						+ article + "\"></script></head><body><h1>An article</h1></body></html>")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
				exchange.sendResponseHeaders(200, page.length);
				try (OutputStream body = exchange.getResponseBody()) {
					body.write(page);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the test site", ex);
		}
	}

}
