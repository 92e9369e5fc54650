package dev.newsroom.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import dev.newsroom.testsupport.EmbeddedStack;
import dev.newsroom.testsupport.JarProcess;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (Debian's headless chromium, driven by Selenium) in front
 * of the real publisher and view counter, run from their jars against a real broker and
 * registry. Each step leaves a screenshot under {@code target/console-screenshots/}.
 * Skipped where chromium's driver is not installed; {@code .ci/run} installs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleInBrowserIT {

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	private static final String EDITOR = "leyla";

	private static final String WRITER = "farid";

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String BOT_TOKEN = "4242:console-it";

	private static final String BOT = "/bot" + BOT_TOKEN;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final AtomicInteger step = new AtomicInteger();

	private static String axeSource;

	private final String password = UUID.randomUUID().toString();

	private final HttpClient http = HttpClient.newHttpClient();

	private JarProcess publisher;

	private JarProcess viewCounter;

	private JarProcess notifier;

	private WireMockServer partner;

	private ConfigurableApplicationContext console;

	private String consoleUrl;

	private Path profiles;

	@BeforeAll
	void start() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER),
				"Needs Debian's chromium and chromium-driver (apt install chromium chromium-driver)");
		Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "console");
		this.profiles = Files.createDirectories(home.resolve("profiles"));
		Path accounts = home.resolve("publisher-accounts.json");
		BCryptPasswordEncoder hashes = new BCryptPasswordEncoder(4);
		Files.writeString(accounts, """
				{"accounts":[{"name":"%s","passwordHash":"%s","roles":["EDITOR"]},
				{"name":"%s","passwordHash":"%s","roles":["WRITER"]}],"tokens":[]}""".formatted(EDITOR,
				hashes.encode(this.password), WRITER, hashes.encode(this.password)));
		Map<String, String> kafka = Map.of("spring.kafka.bootstrap-servers", EmbeddedStack.bootstrapServers(),
				"spring.kafka.properties.schema.registry.url", EmbeddedStack.schemaRegistryUrl());
		Map<String, String> registryUser = Map.of("SCHEMA_REGISTRY_USER_INFO", EmbeddedStack.registryUserInfo());
		Map<String, String> publisherProperties = new HashMap<>(kafka);
		publisherProperties.put("newsroom.publisher.security.accounts-file", accounts.toString());
		publisherProperties.put("newsroom.publisher.instance-id", "console-it");
		this.publisher = JarProcess.start("publisher", publisherProperties, registryUser);
		Map<String, String> viewCounterProperties = new HashMap<>(kafka);
		viewCounterProperties.put("spring.kafka.streams.state-dir", home.resolve("view-counter-state").toString());
		viewCounterProperties.put("newsroom.view-counter.beacon.per-address-per-minute", "100000");
		Map<String, String> viewCounterEnvironment = new HashMap<>(registryUser);
		viewCounterEnvironment.put("NEWSROOM_VISITOR_SECRET", UUID.randomUUID().toString());
		this.viewCounter = JarProcess.start("view-counter", viewCounterProperties, viewCounterEnvironment);
		// The notifier's channels: a partner's webhook for every story, and Telegram for
		// the ru edition, both faked by WireMock with the answers they document.
		this.partner = new WireMockServer(options().dynamicPort());
		this.partner.start();
		this.partner.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));
		this.partner.stubFor(post(urlEqualTo(BOT + "/sendMessage")).atPriority(5)
			.willReturn(telegram(200, "{\"ok\":true,\"result\":{\"message_id\":100,\"chat\":{\"id\":-100,"
					+ "\"username\":\"newsroom_ru\",\"type\":\"channel\"},\"date\":1764374400}}")));
		this.partner.stubFor(post(urlEqualTo(BOT + "/editMessageText")).atPriority(5)
			.willReturn(telegram(200, "{\"ok\":true,\"result\":{\"message_id\":100,\"date\":1764374400}}")));
		this.partner.stubFor(post(urlEqualTo(BOT + "/deleteMessage")).atPriority(5)
			.willReturn(telegram(200, "{\"ok\":true,\"result\":true}")));
		Map<String, String> notifierProperties = new HashMap<>(kafka);
		notifierProperties.put("newsroom.notifier.security.accounts-file", accounts.toString());
		notifierProperties.put("newsroom.notifier.channels.partner.platform", "webhook");
		notifierProperties.put("newsroom.notifier.channels.partner.webhook.url", this.partner.baseUrl() + "/hooks");
		notifierProperties.put("newsroom.notifier.channels.partner.webhook.secret",
				"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
		notifierProperties.put("newsroom.notifier.channels.telegram-ru.platform", "telegram");
		notifierProperties.put("newsroom.notifier.channels.telegram-ru.telegram.bot-token", BOT_TOKEN);
		notifierProperties.put("newsroom.notifier.channels.telegram-ru.telegram.chat-id", "@newsroom_ru");
		notifierProperties.put("newsroom.notifier.channels.telegram-ru.telegram.api-url", this.partner.baseUrl());
		notifierProperties.put("newsroom.notifier.routes[0].channels", "partner");
		notifierProperties.put("newsroom.notifier.routes[1].editions", "ru");
		notifierProperties.put("newsroom.notifier.routes[1].channels", "telegram-ru");
		Map<String, String> notifierEnvironment = new HashMap<>(registryUser);
		notifierEnvironment.put("NEWSROOM_INSTANCE_ID", "console-it-notifier");
		this.notifier = JarProcess.start("notifier", notifierProperties, notifierEnvironment);
		this.console = new SpringApplicationBuilder(ConsoleApplication.class).run("--server.port=0",
				"--newsroom.console.publisher-url=" + this.publisher.url(),
				"--newsroom.console.view-counter-url=" + this.viewCounter.url(),
				"--newsroom.console.notifier-url=" + this.notifier.url(), "--spring.main.banner-mode=off");
		this.consoleUrl = "http://localhost:" + ((WebServerApplicationContext) this.console).getWebServer().getPort();
	}

	@AfterAll
	void stop() {
		if (this.console != null) {
			this.console.close();
		}
		if (this.notifier != null) {
			this.notifier.close();
		}
		if (this.partner != null) {
			this.partner.stop();
		}
		if (this.viewCounter != null) {
			this.viewCounter.close();
		}
		if (this.publisher != null) {
			this.publisher.close();
		}
	}

	@Test
	void aRefusedSignInNeverSaysWhetherTheNameOrThePasswordWasWrong() throws IOException {
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, "not-the-password");
			String wrongPassword = browser.findElement(By.cssSelector("[role=alert]")).getText();
			screenshot(browser, "sign-in-refused");
			signIn(browser, "nobody-" + UUID.randomUUID(), this.password);
			String unknownName = browser.findElement(By.cssSelector("[role=alert]")).getText();
			assertThat(wrongPassword).isEqualTo("The name or password is not right.").isEqualTo(unknownName);
			assertThat(browser.getCurrentUrl()).endsWith("/signin?error");
			// No other way in: no default user with a generated password beside the
			// publisher's accounts.
			assertThat(this.console.getBeansOfType(UserDetailsService.class)).isEmpty();
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void anEditorPublishesAfterConfirmingAndSeesTheStoryWithItsViewsRising() throws Exception {
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, this.password);
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stories");
			screenshot(browser, "stories-list");
			String slug = "budget-" + UUID.randomUUID().toString().substring(0, 8);
			compose(browser, "az", "politics", slug, "Bakıda büdcə qəbul edildi", true);
			click(browser, "publish");
			assertThat(browser.findElement(By.id("confirm-title")).getText()).isEqualTo("Publish this story now?");
			screenshot(browser, "publish-confirmation");
			click(browser, "edit");
			assertThat(browser.findElements(By.id("confirm-title"))).as("the confirmation, after Keep editing")
				.isEmpty();
			assertThat(articles(slug).path("total").asInt()).as("articles after Keep editing").isZero();
			assertThat(browser.findElement(By.id("title")).getAttribute("value"))
				.isEqualTo("Bakıda büdcə qəbul edildi");
			click(browser, "publish");
			click(browser, "publish-confirmed");
			await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("/stories/"));
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bakıda büdcə qəbul edildi");
			assertThat(browser.findElement(By.cssSelector(".meta .state")).getText()).isEqualTo("published");
			String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
			screenshot(browser, "story-published");

			// The count rises on the open page, without a reload (server-sent events).
			String page = browser.getWindowHandle()
					+ browser.findElement(By.tagName("main")).getAttribute("sse-connect");
			await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				if (views(id) == 0) {
					beacon(id);
				}
				assertThat(browser.findElement(By.id("views")).getText()).isNotIn("0", "—");
			});
			assertThat(browser.getWindowHandle() + browser.findElement(By.tagName("main")).getAttribute("sse-connect"))
				.isEqualTo(page);
			assertThat(browser.executeScript("return performance.getEntriesByType('navigation').length"))
				.as("pages loaded in this tab's document")
				.isEqualTo(1L);
			// The chart of views by hour follows, on the same open page.
			await().atMost(WAIT).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
				List<WebElement> bars = browser.findElements(By.cssSelector("#chart rect.bar"));
				assertThat(bars).hasSize(24);
				assertThat(bars.get(23).getAttribute("data-views")).isNotEqualTo("0");
			});
			// So does its place in most read.
			await().atMost(WAIT)
				.ignoreException(StaleElementReferenceException.class)
				.untilAsserted(() -> assertThat(browser.findElement(By.cssSelector(".views .rank")).getText())
					.isEqualTo("· most read: #1 in the last hour, #1 in 24 hours"));
			assertThat(browser.findElement(By.cssSelector("#chart svg")).getAttribute("aria-label"))
				.matches("[1-9][0-9]* views in the last 24 hours; the most in one hour: [1-9][0-9]*");
			screenshot(browser, "story-with-views");
			browser.get(this.consoleUrl + "/?q=" + URLEncoder.encode("büdcə", StandardCharsets.UTF_8));
			screenshot(browser, "stories-list-filtered");
			WebElement row = browser.findElement(By.cssSelector("tr[data-article-id='" + id + "']"));
			assertThat(row.findElement(By.cssSelector(".state")).getText()).isEqualTo("published");
			long listed = views(id);
			assertThat(row.findElement(By.cssSelector(".views")).getText()).isEqualTo(String.valueOf(listed));
			// A new reader's view reaches the open list, without a reload.
			beacon(id);
			await().atMost(WAIT)
				.ignoreException(StaleElementReferenceException.class)
				.untilAsserted(() -> assertThat(
						browser.findElement(By.cssSelector("tr[data-article-id='" + id + "'] .views")).getText())
					.isEqualTo(String.valueOf(listed + 1)));
			assertThat(browser.executeScript("return performance.getEntriesByType('navigation').length"))
				.as("pages loaded in this tab's document")
				.isEqualTo(1L);

			browser.get(this.consoleUrl + "/most-read?edition=az&window=1h");
			await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				browser.navigate().refresh();
				assertThat(browser.findElements(By.cssSelector("#most-read tr[data-article-id='" + id + "'] a")))
					.extracting(WebElement::getText)
					.containsExactly("Bakıda büdcə qəbul edildi");
			});
			screenshot(browser, "most-read");
			// The list sums up each channel's delivery of the story.
			browser.get(this.consoleUrl + "/?q=" + URLEncoder.encode("büdcə", StandardCharsets.UTF_8));
			await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				browser.navigate().refresh();
				assertThat(browser.findElement(By.cssSelector("tr[data-article-id='" + id + "'] .channel-summary"))
					.getText()).isEqualTo("partner: posted");
			});
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void theStoriesListSaysWhenAnotherEditorChangesAStory() throws Exception {
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, this.password);
			await().atMost(WAIT)
				.until(() -> browser.findElement(By.tagName("main")).getAttribute("sse-connect") != null);
			String slug = "other-" + UUID.randomUUID().toString().substring(0, 8);
			publisherCall("POST", "/api/articles", WRITER, null,
					"""
							{"edition":"en","section":"politics","slug":"%s","title":"A writer's draft","lead":"L","body":"<p>B</p>","draft":true}"""
						.formatted(slug));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(browser.findElement(By.id("stories-changed")).getText())
					.startsWith("Stories changed since this page was shown."));
			screenshot(browser, "stories-changed");
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void aDoubleClickOnPublishMakesOneArticle() throws Exception {
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, this.password);
			String slug = "double-" + UUID.randomUUID().toString().substring(0, 8);
			compose(browser, "en", "politics", slug, "Clicked twice " + slug, false);
			click(browser, "publish");
			new Actions(browser).doubleClick(button(browser, "publish-confirmed")).perform();
			await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("/stories/"));
			screenshot(browser, "double-click-published");
			JsonNode found = articles(slug);
			assertThat(found.path("total").asInt()).as("articles with slug %s", slug).isEqualTo(1);
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void aWriterSeesNoPublishButtonAndThePublisherRefusesAForgedOne() throws IOException {
		ChromeDriver browser = browser();
		try {
			signIn(browser, WRITER, this.password);
			String slug = "forged-" + UUID.randomUUID().toString().substring(0, 8);
			compose(browser, "en", "politics", slug, "A writer's story", false);
			assertThat(browser.findElements(By.cssSelector("button[value=publish]"))).isEmpty();
			screenshot(browser, "writer-compose");
			// What a page cannot stop: the form sent with a publish action anyway.
			browser.executeScript("document.querySelector('button[value=draft]').value = 'publish-confirmed'");
			click(browser, "publish-confirmed");
			assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
				.startsWith("Only an editor may publish or schedule an article.");
			screenshot(browser, "writer-refused");
			assertThat(articles(slug).path("total").asInt()).isZero();
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void thePublishersValidationMessagesAppearNextToTheirFields() throws IOException {
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, this.password);
			compose(browser, "en", "politics", "Not A Slug", "Invalid slug", false);
			browser.findElement(By.id("imageUrl")).sendKeys("picture.jpg");
			click(browser, "draft");
			screenshot(browser, "validation-messages");
			WebElement slug = browser.findElement(By.id("slug"));
			assertThat(slug.getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(slug.getAttribute("aria-describedby")).contains("slug-error");
			assertThat(browser.findElement(By.id("slug-error")).getText())
				.startsWith("must be lower-case letters and digits separated by single hyphens");
			assertThat(slug.getAttribute("value")).as("what the editor typed is kept").isEqualTo("Not A Slug");
			assertThat(browser.findElement(By.cssSelector("p.error[role=alert]")).getText())
				.isEqualTo("2 fields need a change before this can be saved; they are marked below.");
			assertThat(browser.findElement(By.id("imageUrl")).getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(browser.findElement(By.id("imageUrl-error")).getText()).isNotBlank();
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void anArabicTitleReadsRightToLeft() throws IOException {
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, this.password);
			String slug = "arabic-" + UUID.randomUUID().toString().substring(0, 8);
			compose(browser, "ar", "world", slug, "نتائج الانتخابات في باكو", false);
			click(browser, "draft");
			await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("/stories/"));
			WebElement title = browser.findElement(By.tagName("h1"));
			assertThat(title.getText()).isEqualTo("نتائج الانتخابات في باكو");
			assertThat(title.getCssValue("direction")).isEqualTo("rtl");
			assertThat(browser.findElement(By.cssSelector(".meta .state")).getText()).isEqualTo("draft");
			screenshot(browser, "arabic-draft");
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void anEditorCorrectsWithAPublicNoteAndRetractsWithAReason() throws Exception {
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, this.password);
			String slug = "vote-" + UUID.randomUUID().toString().substring(0, 8);
			compose(browser, "en", "politics", slug, "Budget passes 70-30", false);
			browser.findElement(By.id("authors")).sendKeys(" <https://news.example/authors/leyla>");
			browser.findElement(By.id("imageUrl")).sendKeys("https://img.example/budget-vote.jpg");
			browser.findElement(By.id("imageCaption")).sendKeys("Deputies vote on the budget");
			browser.findElement(By.id("imageCredit")).sendKeys("AP Photo / Aziz Karimov");
			click(browser, "publish");
			click(browser, "publish-confirmed");
			String id = storyId(browser);
			WebElement hero = browser.findElement(By.cssSelector(".page-preview figure.hero"));
			assertThat(hero.findElement(By.tagName("img")).getAttribute("src"))
				.isEqualTo("https://img.example/budget-vote.jpg");
			assertThat(hero.findElement(By.tagName("figcaption")).getText())
				.isEqualTo("Deputies vote on the budget AP Photo / Aziz Karimov");
			JsonNode stored = json.readTree(publisherCall("GET", "/api/articles/" + id, EDITOR, null, null));
			assertThat(stored.path("authors").path(0).path("profileUrl").asString())
				.isEqualTo("https://news.example/authors/leyla");
			assertThat(stored.path("heroImage").path("credit").asString()).isEqualTo("AP Photo / Aziz Karimov");
			// The delivery appears on the open page, without a reload.
			awaitDelivered(browser, "announce");
			screenshot(browser, "story-announced");

			browser.findElement(By.linkText("Edit")).click();
			WebElement title = browser.findElement(By.id("title"));
			title.clear();
			title.sendKeys("Budget passes 71-30");
			browser.findElement(By.id("kind-correction")).click();
			browser.findElement(By.id("changeNote")).sendKeys("An earlier version misstated the vote count.");
			click(browser, "save");
			assertThat(browser.findElement(By.id("confirm-title")).getText()).isEqualTo("Publish this correction?");
			screenshot(browser, "correction-confirmation");
			click(browser, "save-confirmed");
			await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("/stories/" + id));
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Budget passes 71-30");
			assertThat(browser.findElement(By.cssSelector(".meta .state")).getText()).isEqualTo("corrected");
			assertThat(browser.findElement(By.cssSelector("#corrections + ul")).getText())
				.isEqualTo("An earlier version misstated the vote count.");
			assertThat(browser.findElements(By.cssSelector("table.history tbody tr td:nth-child(2)")))
				.extracting(WebElement::getText)
				.containsExactly("published", "corrected");
			awaitDelivered(browser, "correct");
			screenshot(browser, "story-corrected");

			browser.findElement(By.id("reason")).sendKeys("Withdrawn for legal reasons");
			browser.findElement(By.cssSelector("form.retract button[type=submit]")).click();
			await().atMost(WAIT).until(() -> !browser.findElements(By.id("confirm-title")).isEmpty());
			assertThat(browser.findElement(By.id("confirm-title")).getText()).isEqualTo("Retract this story?");
			screenshot(browser, "retract-confirmation");
			browser.findElement(By.cssSelector("button[name=confirmed]")).click();
			await().atMost(WAIT).until(() -> browser.findElement(By.tagName("h1")).getText().equals("Retracted"));
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
				.contains("Withdrawn for legal reasons");
			awaitDelivered(browser, "retract");
			screenshot(browser, "story-retracted");
			List<String> sent = new ArrayList<>();
			for (LoggedRequest hook : this.partner.findAll(postRequestedFor(urlEqualTo("/hooks")))) {
				JsonNode event = json.readTree(hook.getBodyAsString());
				if (id.equals(event.path("data").path("articleId").asString())) {
					sent.add(event.path("type").asString());
				}
			}
			assertThat(sent).as("the partner's webhook calls for the story")
				.containsExactly("article.published", "article.corrected", "article.retracted");

			browser.get(this.consoleUrl + "/channels");
			WebElement partnerChannel = browser.findElement(By.cssSelector("#channels tr[data-channel=partner]"));
			assertThat(partnerChannel.findElement(By.cssSelector(".health")).getText()).isEqualTo("posting");
			assertThat(partnerChannel.getText()).contains("delivered: ");
			screenshot(browser, "channels");
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void thePreviewShowsThePageAndEachChannelsPostAndWhereItIsShortened() throws Exception {
		ChromeDriver browser = browser();
		try {
			signIn(browser, WRITER, this.password);
			String slug = "preview-" + UUID.randomUUID().toString().substring(0, 8);
			String title = "Срочно: " + "парламент обсуждает бюджет на следующий год ".repeat(10).strip();
			compose(browser, "ru", "politics", slug, title, false);
			click(browser, "preview");
			screenshot(browser, "preview");

			WebElement page = browser.findElement(By.cssSelector(".previews .page-preview"));
			assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo(title);
			assertThat(page.findElement(By.tagName("iframe")).getAttribute("sandbox")).isEmpty();
			assertThat(page.findElement(By.tagName("iframe")).getAttribute("srcdoc"))
				.isEqualTo("<p>The body of " + slug + ".</p>");
			WebElement telegram = browser.findElement(By.cssSelector(".post-preview[data-channel='telegram-ru']"));
			String shown = telegram.findElement(By.tagName("pre")).getText();
			assertThat(shown).startsWith("Срочно: парламент")
				.contains("\u2026")
				.contains("The lead of " + slug + ".")
				.endsWith("http://localhost:8080/ru/politics/" + slug)
				.doesNotContain("<b>");
			assertThat(telegram.findElement(By.cssSelector(".measure")).getText()).matches("[0-9]+ of 4096 characters");
			assertThat(telegram.getText()).contains("Shortened to fit: headline.");
			browser.executeScript("arguments[0].scrollIntoView()", telegram);
			screenshot(browser, "preview-posts");
			WebElement partnerPost = browser.findElement(By.cssSelector(".post-preview[data-channel='partner']"));
			assertThat(partnerPost.findElement(By.tagName("pre")).getText()).startsWith("article.published event");
			assertThat(browser.findElement(By.id("title")).getAttribute("value")).as("the form, kept").isEqualTo(title);
			assertThat(articles(slug).path("total").asInt()).as("articles after a preview").isZero();
			assertThat(this.partner
				.findAll(postRequestedFor(urlEqualTo(BOT + "/sendMessage")).withRequestBody(containing(slug))))
				.as("posts sent for a preview")
				.isEmpty();
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void anUncertainPostIsResolvedFromTheStoryPageWithTheLinkTheEditorFound() throws Exception {
		String slug = "uncertain-" + UUID.randomUUID().toString().substring(0, 8);
		// A proxy answered for Telegram with its own page: the message may or may not be
		// out.
		StubMapping proxyPage = this.partner.stubFor(post(urlEqualTo(BOT + "/sendMessage")).atPriority(1)
			.withRequestBody(containing(slug))
			.willReturn(aResponse().withStatus(200).withBody("<html><body>Gateway</body></html>")));
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, this.password);
			compose(browser, "ru", "politics", slug, "Сомнительная отправка", false);
			click(browser, "publish");
			click(browser, "publish-confirmed");
			storyId(browser);
			By telegramState = By.cssSelector("tr[data-channel='telegram-ru'][data-action=announce] .delivery");
			await().atMost(WAIT)
				.ignoreException(StaleElementReferenceException.class)
				.untilAsserted(() -> assertThat(browser.findElements(telegramState)).extracting(WebElement::getText)
					.containsExactly("uncertain"));
			this.partner.removeStub(proxyPage);
			screenshot(browser, "delivery-uncertain");
			WebElement row = browser
				.findElement(By.cssSelector("tr[data-channel='telegram-ru'][data-action=announce]"));
			assertThat(row.findElements(By.cssSelector("button[aria-label='Retry on telegram-ru']"))).isEmpty();
			row.findElement(By.cssSelector("input[name=postUrl]")).sendKeys("https://t.me/newsroom_ru/4711");
			String before = browser.getCurrentUrl();
			row.findElement(By.cssSelector("button[value=posted]")).click();
			await().atMost(WAIT).until(() -> browser.getCurrentUrl().equals(before));
			await().atMost(WAIT)
				.ignoreException(StaleElementReferenceException.class)
				.untilAsserted(() -> assertThat(browser.findElements(telegramState)).extracting(WebElement::getText)
					.containsExactly("delivered"));
			WebElement resolved = browser
				.findElement(By.cssSelector("tr[data-channel='telegram-ru'][data-action=announce]"));
			assertThat(resolved.findElement(By.linkText("the post")).getAttribute("href"))
				.isEqualTo("https://t.me/newsroom_ru/4711");
			assertThat(resolved.getText()).contains("Marked as posted by " + EDITOR);
			assertThat(this.partner
				.findAll(postRequestedFor(urlEqualTo(BOT + "/sendMessage")).withRequestBody(containing(slug))))
				.as("Telegram messages for the story")
				.hasSize(1);
			screenshot(browser, "delivery-resolved");
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void aPausedChannelShowsWhyAndIsResumedFromTheChannelsPage() throws Exception {
		String slug = "paused-" + UUID.randomUUID().toString().substring(0, 8);
		StubMapping revoked = this.partner.stubFor(post(urlEqualTo(BOT + "/sendMessage")).atPriority(1)
			.withRequestBody(containing(slug))
			.willReturn(telegram(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, this.password);
			compose(browser, "ru", "politics", slug, "Канал на паузе", false);
			click(browser, "publish");
			click(browser, "publish-confirmed");
			String id = storyId(browser);
			browser.get(this.consoleUrl + "/channels");
			By telegramHealth = By.cssSelector("#channels tr[data-channel='telegram-ru'] .health");
			await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				browser.navigate().refresh();
				assertThat(browser.findElement(telegramHealth).getText()).startsWith("paused").contains("Unauthorized");
			});
			screenshot(browser, "channel-paused");
			this.partner.removeStub(revoked);
			browser.findElement(By.cssSelector("button[aria-label='Resume telegram-ru']")).click();
			await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				browser.navigate().refresh();
				assertThat(browser.findElement(telegramHealth).getText()).isEqualTo("posting");
			});
			screenshot(browser, "channel-resumed");
			browser.get(this.consoleUrl + "/stories/" + id);
			await().atMost(WAIT)
				.ignoreException(StaleElementReferenceException.class)
				.untilAsserted(() -> assertThat(browser
					.findElements(By.cssSelector("tr[data-channel='telegram-ru'][data-action=announce] .delivery")))
					.extracting(WebElement::getText)
					.containsExactly("delivered"));
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void aTimedOutSessionSendsTheEditorToSignInAgain() throws Exception {
		assertThat(((ServletWebServerApplicationContext) this.console).getServletContext().getSessionTimeout())
			.as("minutes an idle session lasts")
			.isEqualTo(30);
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, this.password);
			browser.get(this.consoleUrl + "/stories/new");
			// What the browser holds once the server dropped the idle session: an id the
			// server no longer knows.
			browser.manage().deleteCookieNamed("JSESSIONID");
			browser.manage().addCookie(new Cookie("JSESSIONID", UUID.randomUUID().toString(), "/"));
			browser.findElement(By.linkText("Stories")).click();
			await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("/signin?timeout"));
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
				.isEqualTo("Your session timed out. Sign in again to go on.");
			screenshot(browser, "session-timed-out");
			signIn(browser, EDITOR, this.password);
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stories");

			// Signing out is not taken for a timeout.
			browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
			await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("/signin?signedout"));
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("You are signed out.");
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void everyPagePassesTheWcagAAndAaRulesOfAxe() throws Exception {
		ChromeDriver browser = browser();
		try {
			browser.get(this.consoleUrl + "/signin");
			Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
			violations.put("sign-in", axe(browser));
			signIn(browser, EDITOR, this.password);
			violations.put("stories", axe(browser));
			String slug = "axe-" + UUID.randomUUID().toString().substring(0, 8);
			compose(browser, "ar", "politics", slug, "البرلمان يقر الميزانية", true);
			browser.findElement(By.id("imageUrl")).sendKeys("not an address");
			click(browser, "draft");
			violations.put("compose with errors", axe(browser));
			browser.findElement(By.id("imageUrl")).clear();
			click(browser, "preview");
			violations.put("preview", axe(browser));
			click(browser, "publish");
			violations.put("publish confirmation", axe(browser));
			click(browser, "publish-confirmed");
			String id = storyId(browser);
			awaitDelivered(browser, "announce");
			violations.put("story", axe(browser));
			browser.get(this.consoleUrl + "/stories/" + id + "/edit");
			violations.put("edit", axe(browser));
			browser.get(this.consoleUrl + "/most-read?edition=ar&window=24h");
			violations.put("most read", axe(browser));
			browser.get(this.consoleUrl + "/channels");
			violations.put("channels", axe(browser));
			assertThat(violations).allSatisfy((page, found) -> assertThat(found).as("axe on %s", page).isEmpty());
			// And it does find what it looks for: an input with no label, and grey on
			// grey.
			// (Styles set from script: the policy refuses inline style attributes.)
			browser.executeScript("const main = document.querySelector('main');"
					+ " main.insertAdjacentHTML('beforeend', '<input id=unlabelled>');"
					+ " const faint = document.createElement('p'); faint.textContent = 'Faint grey text';"
					+ " faint.style.color = '#999'; main.append(faint);");
			assertThat(axe(browser)).anyMatch((violation) -> violation.startsWith("label "))
				.anyMatch((violation) -> violation.startsWith("color-contrast "));
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void anEditorPublishesWithTheKeyboardAlone() throws Exception {
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, this.password);
			browser.get(this.consoleUrl + "/stories/new");
			String slug = "keys-" + UUID.randomUUID().toString().substring(0, 8);
			// From the top of the page: the skip link first, then each field in order.
			assertThat(tab(browser).getText()).isEqualTo("Skip to content");
			Map<String, String> typed = new java.util.LinkedHashMap<>();
			typed.put("edition", "en");
			typed.put("section", "politics");
			typed.put("slug", slug);
			typed.put("title", "Typed without a mouse");
			typed.put("lead", "Every step by keyboard.");
			typed.put("body", "<p>Keys only.</p>");
			for (Map.Entry<String, String> field : typed.entrySet()) {
				WebElement focused = tab(browser);
				for (int i = 0; i < 50 && !field.getKey().equals(focused.getAttribute("id")); i++) {
					focused = tab(browser);
				}
				assertThat(focused.getAttribute("id")).as("reached by Tab").isEqualTo(field.getKey());
				new Actions(browser).sendKeys(field.getValue()).perform();
			}
			WebElement focused = tab(browser);
			for (int i = 0; i < 50 && !"publish".equals(focused.getAttribute("value")); i++) {
				focused = tab(browser);
			}
			assertThat(focused.getText()).isEqualTo("Publish now…");
			assertThat(focused.getCssValue("outline-style")).as("the focused button's outline").isEqualTo("solid");
			new Actions(browser).sendKeys(Keys.ENTER).perform();
			await().atMost(WAIT).until(() -> !browser.findElements(By.id("confirm-title")).isEmpty());
			assertThat(browser.switchTo().activeElement().getText()).as("focus on the confirmation")
				.isEqualTo("Yes, publish now");
			new Actions(browser).sendKeys(Keys.ENTER).perform();
			storyId(browser);
			assertThat(browser.findElement(By.cssSelector(".meta .state")).getText()).isEqualTo("published");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Typed without a mouse");
			screenshot(browser, "published-by-keyboard");
		}
		finally {
			browser.quit();
		}
	}

	private static WebElement tab(ChromeDriver browser) {
		new Actions(browser).sendKeys(Keys.TAB).perform();
		return browser.switchTo().activeElement();
	}

	/**
	 * Runs axe-core's WCAG 2.0 and 2.1 A and AA rules (contrast, labels, names,
	 * structure) on the page as it is now.
	 * @return each violation: its rule, impact and the elements it found
	 */
	@SuppressWarnings("unchecked")
	private static List<String> axe(ChromeDriver browser) throws IOException {
		if (axeSource == null) {
			try (java.io.InputStream script = ConsoleInBrowserIT.class
				.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
				axeSource = new String(script.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		browser.executeScript(axeSource);
		List<Map<String, Object>> found = (List<Map<String, Object>>) browser
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })"
					+ ".then((results) => done(results.violations.map((v) => ({ id: v.id, impact: v.impact,"
					+ " nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary) }))));");
		return found.stream()
			.map((violation) -> violation.get("id") + " (" + violation.get("impact") + ") " + violation.get("nodes"))
			.toList();
	}

	@Test
	void aFailedDeliveryIsRetriedFromTheStoryPageWithTheEditorsToken() throws Exception {
		String slug = "refused-" + UUID.randomUUID().toString().substring(0, 8);
		StubMapping refusing = this.partner.stubFor(post(urlEqualTo("/hooks")).atPriority(1)
			.withRequestBody(containing(slug))
			.willReturn(aResponse().withStatus(422)));
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, this.password);
			compose(browser, "en", "politics", slug, "Refused at first", false);
			click(browser, "publish");
			click(browser, "publish-confirmed");
			storyId(browser);
			await().atMost(WAIT)
				.ignoreException(StaleElementReferenceException.class)
				.untilAsserted(
						() -> assertThat(browser.findElements(By.cssSelector("tr[data-action=announce] .delivery")))
							.extracting(WebElement::getText)
							.containsExactly("failed"));
			screenshot(browser, "delivery-failed");
			this.partner.removeStub(refusing);
			String before = browser.getCurrentUrl();
			browser.findElement(By.cssSelector("tr[data-action=announce] button[aria-label='Retry on partner']"))
				.click();
			await().atMost(WAIT).until(() -> browser.getCurrentUrl().equals(before));
			awaitDelivered(browser, "announce");
			assertThat(browser.findElement(By.cssSelector("tr[data-action=announce] td.number")).getText())
				.as("attempts")
				.isEqualTo("2");
			screenshot(browser, "delivery-retried");
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void aConflictShowsWhatChangedAndTheEditorOverwritesKnowingly() throws Exception {
		ChromeDriver browser = browser();
		try {
			signIn(browser, EDITOR, this.password);
			String slug = "conflict-" + UUID.randomUUID().toString().substring(0, 8);
			compose(browser, "en", "politics", slug, "First title", false);
			click(browser, "draft");
			String id = storyId(browser);
			browser.findElement(By.linkText("Edit")).click();

			// Meanwhile a writer changes the title through the API.
			JsonNode draft = json.readTree(publisherCall("GET", "/api/articles/" + id, WRITER, null, null));
			String theirs = "Their title";
			publisherCall("PUT", "/api/articles/" + id, WRITER, "\"" + draft.path("version").asLong() + "\"", """
					{"edition":"en","section":"politics","slug":"%s","title":"%s","lead":"%s","body":"%s"}"""
				.formatted(slug, theirs, draft.path("lead").asString(), draft.path("body").asString()));

			WebElement lead = browser.findElement(By.id("lead"));
			lead.clear();
			lead.sendKeys("My better lead.");
			click(browser, "save");
			assertThat(browser.findElement(By.id("conflict-title")).getText())
				.isEqualTo("Someone else changed this story");
			assertThat(browser.findElement(By.cssSelector("table.differences")).getText()).contains("Title")
				.contains(theirs)
				.contains("First title")
				.contains("My better lead.");
			screenshot(browser, "conflict");
			click(browser, "overwrite");
			await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("/stories/" + id));
			JsonNode now = json.readTree(publisherCall("GET", "/api/articles/" + id, EDITOR, null, null));
			assertThat(now.path("version").asLong()).isEqualTo(3);
			assertThat(now.path("title").asString()).isEqualTo("First title");
			assertThat(now.path("lead").asString()).isEqualTo("My better lead.");
			screenshot(browser, "conflict-overwritten");
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void aStoryIsScheduledInTheEditorsTimeZone() throws Exception {
		ChromeDriver browser = browser("Asia/Baku");
		try {
			signIn(browser, EDITOR, this.password);
			String slug = "scheduled-" + UUID.randomUUID().toString().substring(0, 8);
			compose(browser, "az", "politics", slug, "Sabah saat 9-da", false);
			String local = LocalDate.now(ZoneOffset.UTC).plusDays(2) + "T09:00";
			browser.executeScript("document.getElementById('publishAt').value = arguments[0]", local);
			click(browser, "schedule");
			assertThat(browser.findElement(By.id("confirm-what")).getText()).contains("(Asia/Baku)");
			screenshot(browser, "schedule-confirmation");
			click(browser, "schedule-confirmed");
			String id = storyId(browser);
			assertThat(browser.findElement(By.cssSelector(".meta .state")).getText()).isEqualTo("scheduled");
			JsonNode story = json.readTree(publisherCall("GET", "/api/articles/" + id, EDITOR, null, null));
			assertThat(Instant.parse(story.path("publishAt").asString()))
				.isEqualTo(LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Baku")).toInstant());
			screenshot(browser, "story-scheduled");
		}
		finally {
			browser.quit();
		}
	}

	/**
	 * Waits, without a reload, until the story page shows its delivery of that kind as
	 * delivered; the live updates replace the table meanwhile.
	 */
	private static void awaitDelivered(ChromeDriver browser, String action) {
		await().atMost(WAIT).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
			assertThat(browser.findElements(By.cssSelector("tr[data-action='" + action + "'] .delivery")))
				.as("%s deliveries", action)
				.extracting(WebElement::getText)
				.containsExactly("delivered");
		});
	}

	private static String storyId(ChromeDriver browser) {
		await().atMost(WAIT).until(() -> browser.getCurrentUrl().matches(".*/stories/[0-9a-f-]{36}$"));
		return browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
	}

	private String publisherCall(String method, String path, String account, String ifMatch, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.publisher.url() + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((account + ":" + this.password).getBytes(StandardCharsets.UTF_8)))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		java.net.http.HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isLessThan(300);
		return response.body();
	}

	private void signIn(ChromeDriver browser, String name, String password) {
		browser.get(this.consoleUrl + "/signin");
		browser.findElement(By.id("username")).sendKeys(name);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		await().atMost(WAIT).until(() -> !browser.getCurrentUrl().endsWith("/signin"));
	}

	private void compose(ChromeDriver browser, String edition, String section, String slug, String title,
			boolean breaking) {
		browser.get(this.consoleUrl + "/stories/new");
		browser.findElement(By.id("edition")).sendKeys(edition);
		browser.findElement(By.id("section")).sendKeys(section);
		browser.findElement(By.id("slug")).sendKeys(slug);
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.id("lead")).sendKeys("The lead of " + slug + ".");
		browser.findElement(By.id("body")).sendKeys("<p>The body of " + slug + ".</p>");
		browser.findElement(By.id("authors")).sendKeys("Leyla Məmmədova");
		if (breaking) {
			browser.findElement(By.id("breaking")).click();
		}
	}

	private static WebElement button(ChromeDriver browser, String action) {
		return browser.findElement(By.cssSelector("button[name=action][value='" + action + "']"));
	}

	private static void click(ChromeDriver browser, String action) {
		String before = browser.getCurrentUrl() + browser.getPageSource().hashCode();
		button(browser, action).click();
		await().atMost(WAIT)
			.until(() -> !(browser.getCurrentUrl() + browser.getPageSource().hashCode()).equals(before));
	}

	private JsonNode articles(String slug) throws IOException {
		try {
			String basic = Base64.getEncoder()
				.encodeToString((EDITOR + ":" + this.password).getBytes(StandardCharsets.UTF_8));
			return json.readTree(
					this.http
						.send(HttpRequest.newBuilder(URI.create(this.publisher.url() + "/api/articles?q=" + slug))
							.header("Authorization", "Basic " + basic)
							.build(), BodyHandlers.ofString())
						.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private long views(String articleId) throws Exception {
		return json
			.readTree(this.http.send(
					HttpRequest.newBuilder(URI.create(this.viewCounter.url() + "/api/articles/" + articleId + "/views"))
						.build(),
					BodyHandlers.ofString())
				.body())
			.path("views")
			.asLong();
	}

	private void beacon(String articleId) throws Exception {
		this.http.send(HttpRequest.newBuilder(URI.create(this.viewCounter.url() + "/api/views"))
			.header("Content-Type", "application/json")
			.header("User-Agent", FIREFOX)
			.header("Cookie", "nr_vid=" + UUID.randomUUID().toString().replace("-", ""))
			.POST(BodyPublishers.ofString("{\"articleId\":\"" + articleId + "\"}"))
			.build(), BodyHandlers.discarding());
	}

	private ChromeDriver browser() {
		return browser("UTC");
	}

	private ChromeDriver browser(String timeZone) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--window-size=1280,1500", "--lang=en-GB",
				"--user-data-dir=" + this.profiles.resolve(UUID.randomUUID().toString()));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withEnvironment(Map.of("TZ", timeZone))
			.build();
		return new ChromeDriver(service, options);
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder telegram(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static void screenshot(ChromeDriver browser, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(String.format("%02d-%s.png", step.incrementAndGet(), name)),
				StandardCopyOption.REPLACE_EXISTING);
	}

}
