package dev.newsroom.notifier.channels.telegram;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.ChannelException.Kind;
import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.PostPreview;
import dev.newsroom.notifier.channels.PostRef;
import dev.newsroom.notifier.channels.Posts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Telegram channel against a WireMock fake that answers as the Bot API documents:
 * {@code {"ok": true, "result": ...}}, or {@code {"ok": false, "error_code",
 * "description"}} with {@code parameters.retry_after} for 429.
 */
class TelegramChannelTests {

	private static final String TOKEN = "123456789:AAH-secret_part";

	private static final WireMockServer botApi = new WireMockServer(options().dynamicPort());

	private TelegramChannel channel;

	@BeforeAll
	static void start() {
		botApi.start();
	}

	@AfterAll
	static void stop() {
		botApi.stop();
	}

	@BeforeEach
	void reset() {
		botApi.resetAll();
		this.channel = new TelegramChannel("telegram-en",
				new TelegramSettings(TOKEN, "@newsroom_test", URI.create(botApi.baseUrl()), Duration.ofSeconds(2)));
	}

	@Test
	void previewShowsTheMessageAsReadersSeeItAndWhichFieldsWereCut() {
		String title = "Q&A: <Budget> " + "x".repeat(500);
		PostPreview preview = this.channel.preview(Posts.of(title, "Lead stays whole.", "https://news.example/en/a"));

		assertThat(preview.shown()).startsWith("Q&A: <Budget> xxx")
			.contains("\u2026\n\nLead stays whole.\n\nhttps://news.example/en/a")
			.doesNotContain("<b>")
			.doesNotContain("&amp;");
		assertThat(preview.shortened()).containsExactly(PostPreview.Field.TITLE);
		assertThat(preview.leftOut()).isEmpty();
		assertThat(preview.length()).isEqualTo(preview.shown().length());
		assertThat(preview.limit()).isEqualTo(4096);
		botApi.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theMessageIdIsReadFromAPublicOrPrivateChannelsMessageLink() {
		assertThat(this.channel.postIdFromUrl(URI.create("https://t.me/newsroom_test/4711"))).contains("4711");
		assertThat(this.channel.postIdFromUrl(URI.create("https://t.me/c/1234567890/88?single"))).contains("88");
		assertThat(this.channel.postIdFromUrl(URI.create("https://t.me/newsroom_test"))).isEmpty();
		assertThat(this.channel.postIdFromUrl(URI.create("https://example.com/newsroom_test/4711"))).isEmpty();
	}

	@Test
	void sendsTheMessageWithTheTokenInThePathAsBotFatherIssuedIt() {
		answer("sendMessage", 200,
				"{\"ok\":true,\"result\":{\"message_id\":42,\"chat\":{\"id\":-100123,\"username\":\"newsroom_test\","
						+ "\"type\":\"channel\"},\"date\":1732867200,\"text\":\"Budget\"}}");

		DeliveryReceipt receipt = this.channel.post(Posts.of("Tom & Jerry", "Lead.", "https://news.example/en/a"),
				"telegram-en:a-1:announce:1");

		assertThat(receipt.externalId()).isEqualTo("42");
		assertThat(receipt.externalUrl()).isEqualTo("https://t.me/newsroom_test/42");
		botApi.verify(postRequestedFor(urlEqualTo("/bot" + TOKEN + "/sendMessage"))
			.withRequestBody(matchingJsonPath("$.chat_id", equalTo("@newsroom_test")))
			.withRequestBody(matchingJsonPath("$.parse_mode", equalTo("HTML")))
			.withRequestBody(matchingJsonPath("$.text", WireMock.containing("<b>Tom &amp; Jerry</b>"))));
	}

	@Test
	void aCorrectionEditsTheMessageAndARetractionDeletesIt() {
		answer("editMessageText", 200, "{\"ok\":true,\"result\":{\"message_id\":42,\"text\":\"edited\"}}");
		answer("deleteMessage", 200, "{\"ok\":true,\"result\":true}");
		PostRef original = new PostRef("42", "https://t.me/newsroom_test/42");

		this.channel.correct(Posts.corrected("Budget passes", "The vote was 120 to 30."), original, "d-2");
		this.channel.remove(Posts.of("Budget passes", "", "https://news.example/en/a"), original, "d-3");

		botApi.verify(postRequestedFor(urlEqualTo("/bot" + TOKEN + "/editMessageText"))
			.withRequestBody(matchingJsonPath("$.message_id", equalTo("42")))
			.withRequestBody(matchingJsonPath("$.text", WireMock.containing("Correction: The vote was 120 to 30."))));
		botApi.verify(postRequestedFor(urlEqualTo("/bot" + TOKEN + "/deleteMessage"))
			.withRequestBody(equalToJson("{\"chat_id\":\"@newsroom_test\",\"message_id\":42}")));
	}

	@Test
	void tooManyRequestsCarriesRetryAfter() {
		answer("sendMessage", 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
				+ "60\",\"parameters\":{\"retry_after\":60}}");

		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle).satisfies((ex) -> {
			assertThat(ex.kind()).isEqualTo(Kind.RATE_LIMITED);
			assertThat(ex.retryAfter()).contains(Duration.ofSeconds(60));
		});
	}

	@Test
	void aRevokedTokenABotRemovedFromTheChannelOrAChatNotFoundRefuseTheCredentials() {
		answer("sendMessage", 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CREDENTIALS_REFUSED))
			.withMessageNotContaining(TOKEN);

		answer("sendMessage", 403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot is not a "
				+ "member of the channel chat\"}");
		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CREDENTIALS_REFUSED));

		answer("sendMessage", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CREDENTIALS_REFUSED));
	}

	@Test
	void aServerErrorIsTransientAndOtherBadRequestsAreRejected() {
		answer("sendMessage", 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.TRANSIENT));

		answer("sendMessage", 502, "<html>Bad Gateway</html>");
		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.TRANSIENT));

		answer("sendMessage", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse "
				+ "entities: Unsupported start tag\"}");
		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.REJECTED))
			.withMessageContaining("can't parse entities");
	}

	@Test
	void aMalformedSuccessOrATimeoutLeavesTheOutcomeUnknown() {
		answer("sendMessage", 200, "{\"ok\":tru");
		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN));

		botApi.stubFor(post(urlEqualTo("/bot" + TOKEN + "/sendMessage"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody("{\"ok\":true}")));
		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN));
	}

	@Test
	void anOldMessageTheBotCannotDeleteIsLeftToAnEditor() {
		answer("deleteMessage", 400,
				"{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message can't be deleted\"}");

		assertThatExceptionOfType(ChannelException.class)
			.isThrownBy(() -> this.channel.remove(Posts.of("T", "", "https://news.example/en/a"),
					new PostRef("42", "https://t.me/newsroom_test/42"), "d-3"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.NOT_POSSIBLE))
			.withMessageContaining("https://t.me/newsroom_test/42");
	}

	private void postArticle() {
		this.channel.post(Posts.of("Budget", "Lead.", "https://news.example/en/a"), "d-1");
	}

	private static void answer(String method, int status, String body) {
		botApi.stubFor(post(urlEqualTo("/bot" + TOKEN + "/" + method))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

}
