package dev.newsroom.notifier.channels.facebook;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.ChannelException.Kind;
import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.PostRef;
import dev.newsroom.notifier.channels.Posts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Facebook Page channel against a WireMock fake answering as the Graph API documents,
 * error codes included.
 */
class FacebookChannelTests {

	private static final WireMockServer graph = new WireMockServer(options().dynamicPort());

	private FacebookChannel channel;

	@BeforeAll
	static void start() {
		graph.start();
	}

	@AfterAll
	static void stop() {
		graph.stop();
	}

	@BeforeEach
	void reset() {
		graph.resetAll();
		this.channel = new FacebookChannel("facebook-en",
				new FacebookSettings("1234567890", "page-token", URI.create(graph.baseUrl()), Duration.ofSeconds(2)));
	}

	@Test
	void postsTheMessageAndLinkToThePagesFeedWithThePageToken() {
		graph.stubFor(post(urlEqualTo("/1234567890/feed")).willReturn(json(200, "{\"id\":\"1234567890_987654321\"}")));

		DeliveryReceipt receipt = this.channel.post(Posts.of("Budget passes", "Lead.", "https://news.example/en/a"),
				"d-1");

		assertThat(receipt.externalId()).isEqualTo("1234567890_987654321");
		graph.verify(postRequestedFor(urlEqualTo("/1234567890/feed"))
			.withHeader("Authorization", equalTo("Bearer page-token"))
			.withRequestBody(containing("message=Budget+passes"))
			.withRequestBody(containing("link=https%3A%2F%2Fnews.example%2Fen%2Fa")));
	}

	@Test
	void aCorrectionEditsThePostAndARetractionDeletesIt() {
		graph.stubFor(post(urlEqualTo("/1234567890_987654321")).willReturn(json(200, "{\"success\":true}")));
		graph.stubFor(delete(urlEqualTo("/1234567890_987654321")).willReturn(json(200, "{\"success\":true}")));
		PostRef original = new PostRef("1234567890_987654321", null);

		this.channel.correct(Posts.corrected("Budget passes", "The vote was 120 to 30."), original, "d-2");
		this.channel.remove(Posts.of("Budget passes", "", "https://news.example/en/a"), original, "d-3");

		graph.verify(postRequestedFor(urlEqualTo("/1234567890_987654321"))
			.withRequestBody(containing("Correction%3A+The+vote+was+120+to+30.")));
		graph.verify(deleteRequestedFor(urlEqualTo("/1234567890_987654321")));
	}

	@Test
	void anExpiredTokenPausesTheChannel() {
		graph.stubFor(post(urlPathEqualTo("/1234567890/feed")).willReturn(json(400,
				"{\"error\":{\"message\":\"Error validating access token: Session has expired on Friday, 27-Nov-26.\","
						+ "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"A1b2\"}}")));

		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CREDENTIALS_REFUSED))
			.withMessageContaining("190/463")
			.withMessageNotContaining("page-token");
	}

	@Test
	void rateLimitCodesWaitForTheTimeTheUsageHeaderEstimates() {
		for (int code : new int[] { 4, 17, 32, 613 }) {
			graph.resetAll();
			graph.stubFor(post(urlPathEqualTo("/1234567890/feed")).willReturn(json(400,
					"{\"error\":{\"message\":\"(#" + code + ") Request limit reached\",\"type\":\"OAuthException\","
							+ "\"code\":" + code + ",\"fbtrace_id\":\"A1b2\"}}")
				.withHeader("X-Business-Use-Case-Usage",
						"{\"1234567890\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":25,"
								+ "\"total_time\":25,\"estimated_time_to_regain_access\":7}]}")));

			assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle).satisfies((ex) -> {
				assertThat(ex.kind()).as("code %d", code).isEqualTo(Kind.RATE_LIMITED);
				assertThat(ex.retryAfter()).contains(Duration.ofMinutes(7));
			});
		}
	}

	@Test
	void aTemporaryErrorIsRetriedAndAMalformedSuccessIsUncertain() {
		graph.stubFor(post(urlPathEqualTo("/1234567890/feed")).willReturn(json(500,
				"{\"error\":{\"message\":\"An unexpected error has occurred.\",\"type\":\"OAuthException\",\"code\":2,"
						+ "\"is_transient\":true,\"fbtrace_id\":\"A1b2\"}}")));
		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.TRANSIENT));

		graph.stubFor(post(urlPathEqualTo("/1234567890/feed")).willReturn(json(200, "<html>ok</html>")));
		assertThatExceptionOfType(ChannelException.class).isThrownBy(this::postArticle)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN));
	}

	private void postArticle() {
		this.channel.post(Posts.of("Budget passes", "Lead.", "https://news.example/en/a"), "d-1");
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

}
