package dev.newsroom.notifier.channels.x;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The X channel against a WireMock fake answering as X API v2 documents: 201 with
 * {@code data.id}, problem bodies ({@code title}, {@code detail}) for errors, and
 * {@code x-rate-limit-*} headers.
 */
class XChannelTests {

	private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

	private static final WireMockServer api = new WireMockServer(options().dynamicPort());

	private XChannel channel;

	@BeforeAll
	static void start() {
		api.start();
	}

	@AfterAll
	static void stop() {
		api.stop();
	}

	@BeforeEach
	void reset() {
		api.resetAll();
		this.channel = new XChannel("x-en", new XSettings("newsroom", "key", "key-secret", "token", "token-secret",
				URI.create(api.baseUrl()), Duration.ofSeconds(2)), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void previewMeasuresThePostAsXDoesAndLeavesTheLeadOut() {
		String title = "\u4E2D\u6587".repeat(200);
		PostPreview preview = this.channel.preview(Posts.of(title, "A lead.", "https://news.example/en/a"));

		assertThat(preview.shown()).endsWith("\u2026\n\nhttps://news.example/en/a");
		assertThat(preview.length()).isLessThanOrEqualTo(280).isGreaterThan(270);
		assertThat(preview.shortened()).containsExactly(PostPreview.Field.TITLE);
		assertThat(preview.leftOut()).containsExactly(PostPreview.Field.LEAD);

		PostPreview correction = this.channel.preview(Posts.corrected("Budget passes", "The vote was 120 to 30."));
		assertThat(correction.shown()).startsWith("Correction: The vote was 120 to 30.");
		assertThat(correction.shortened()).isEmpty();
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void thePostIdIsReadFromItsLinkOnXOrTwitter() {
		assertThat(this.channel.postIdFromUrl(URI.create("https://x.com/newsroom/status/1869000000000000001")))
			.contains("1869000000000000001");
		assertThat(this.channel.postIdFromUrl(URI.create("https://twitter.com/newsroom/status/42/photo/1")))
			.contains("42");
		assertThat(this.channel.postIdFromUrl(URI.create("https://x.com/newsroom"))).isEmpty();
		assertThat(this.channel.postIdFromUrl(URI.create("https://t.me/newsroom/42"))).isEmpty();
	}

	@Test
	void postsWithOAuth1AndRecordsThePostsUrl() {
		api.stubFor(post(urlEqualTo("/2/tweets")).willReturn(json(201,
				"{\"data\":{\"id\":\"1445880548472328192\",\"edit_history_tweet_ids\":[\"1445880548472328192\"],"
						+ "\"text\":\"Budget passes\"}}")));

		DeliveryReceipt receipt = this.channel.post(Posts.of("Budget passes", "", "https://news.example.com/en/a"),
				"d-1");

		assertThat(receipt.externalId()).isEqualTo("1445880548472328192");
		assertThat(receipt.externalUrl()).isEqualTo("https://x.com/newsroom/status/1445880548472328192");
		api.verify(postRequestedFor(urlEqualTo("/2/tweets"))
			.withHeader("Authorization", matching("OAuth .*oauth_consumer_key=\"key\".*oauth_signature=\".+\".*"))
			.withRequestBody(matchingJsonPath("$.text", equalTo("Budget passes\n\nhttps://news.example.com/en/a"))));
	}

	@Test
	void duplicateContentMeansItIsPostedAlready() {
		api.stubFor(post(urlEqualTo("/2/tweets")).willReturn(json(403,
				"{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\",\"type\":\"about:blank\","
						+ "\"title\":\"Forbidden\",\"status\":403}")));

		DeliveryReceipt receipt = this.channel.post(Posts.of("Budget passes", "", "https://news.example.com/en/a"),
				"d-1");

		assertThat(receipt.externalId()).isNull();
		assertThat(receipt.note()).contains("duplicate content");
	}

	@Test
	void tooManyRequestsWaitsUntilTheRateLimitResets() {
		api.stubFor(post(urlEqualTo("/2/tweets")).willReturn(json(429,
				"{\"title\":\"Too Many Requests\","
						+ "\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}")
			.withHeader("x-rate-limit-limit", "200")
			.withHeader("x-rate-limit-remaining", "0")
			.withHeader("x-rate-limit-reset", Long.toString(NOW.plusSeconds(754).getEpochSecond()))));

		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle).satisfies((ex) -> {
			assertThat(ex.kind()).isEqualTo(Kind.RATE_LIMITED);
			assertThat(ex.retryAfter()).contains(Duration.ofSeconds(754));
		});
	}

	@Test
	void unauthorizedOrForbiddenPausesTheChannel() {
		api.stubFor(post(urlEqualTo("/2/tweets")).willReturn(json(401,
				"{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));
		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CREDENTIALS_REFUSED))
			.withMessageNotContaining("token-secret");
	}

	@Test
	void aCorrectionIsAReplyAndARetractionDeletesThePost() {
		api.stubFor(post(urlEqualTo("/2/tweets")).willReturn(json(201, "{\"data\":{\"id\":\"200\",\"text\":\"c\"}}")));
		api.stubFor(delete(urlEqualTo("/2/tweets/100")).willReturn(json(200, "{\"data\":{\"deleted\":true}}")));
		PostRef original = new PostRef("100", "https://x.com/newsroom/status/100");

		DeliveryReceipt reply = this.channel.correct(Posts.corrected("Budget passes", "The vote was 120 to 30."),
				original, "d-2");
		this.channel.remove(Posts.of("Budget passes", "", "https://news.example.com/en/a"), original, "d-3");

		assertThat(reply.externalId()).isEqualTo("200");
		api.verify(postRequestedFor(urlEqualTo("/2/tweets"))
			.withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo("100")))
			.withRequestBody(matchingJsonPath("$.text", matching("Correction: The vote was 120 to 30\\..*"))));
		api.verify(deleteRequestedFor(urlEqualTo("/2/tweets/100")).withHeader("Authorization", matching("OAuth .*")));
	}

	@Test
	void aMalformedSuccessLeavesTheOutcomeUnknown() {
		api.stubFor(post(urlEqualTo("/2/tweets")).willReturn(json(201, "{\"data\":")));
		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN));
	}

	private void postArticle() {
		this.channel.post(Posts.of("Budget passes", "", "https://news.example.com/en/a"), "d-1");
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

}
