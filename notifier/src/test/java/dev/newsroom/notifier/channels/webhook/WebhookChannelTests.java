package dev.newsroom.notifier.channels.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.ChannelException.Kind;
import dev.newsroom.notifier.channels.Posts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Signed webhooks as the Standard Webhooks spec has receivers verify them.
 */
class WebhookChannelTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

	private static final WireMockServer receiver = new WireMockServer(options().dynamicPort());

	private WebhookChannel channel;

	@BeforeAll
	static void start() {
		receiver.start();
	}

	@AfterAll
	static void stop() {
		receiver.stop();
	}

	@BeforeEach
	void reset() {
		receiver.resetAll();
		this.channel = new WebhookChannel("partner",
				new WebhookSettings(URI.create(receiver.baseUrl() + "/hooks/newsroom"), SECRET, Duration.ofSeconds(2)),
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void eachEventIsSignedAndARetryReusesItsWebhookId() throws Exception {
		receiver.stubFor(post(urlEqualTo("/hooks/newsroom")).willReturn(aResponse().withStatus(204)));

		this.channel.post(Posts.of("Budget passes", "Lead.", "https://news.example/en/a"), "partner:a-1:announce:1");
		this.channel.post(Posts.of("Budget passes", "Lead.", "https://news.example/en/a"), "partner:a-1:announce:1");

		List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/newsroom")));
		assertThat(requests).hasSize(2)
			.allSatisfy((request) -> assertThat(request.getHeader("webhook-id")).isEqualTo("partner:a-1:announce:1"));
		LoggedRequest request = requests.get(0);
		assertThat(request.getHeader("webhook-timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
		String signed = request.getHeader("webhook-id") + "." + request.getHeader("webhook-timestamp") + "."
				+ request.getBodyAsString();
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
		assertThat(request.getHeader("webhook-signature")).isEqualTo(
				"v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))));
		receiver.verify(postRequestedFor(urlEqualTo("/hooks/newsroom"))
			.withRequestBody(matchingJsonPath("$.type", equalTo("article.published")))
			.withRequestBody(matchingJsonPath("$.data.url", equalTo("https://news.example/en/a"))));
	}

	@Test
	void correctionsAndRetractionsAreEventsToo() {
		receiver.stubFor(post(urlEqualTo("/hooks/newsroom")).willReturn(aResponse().withStatus(200)));

		this.channel.correct(Posts.corrected("Budget passes", "The vote was 120 to 30."),
				new dev.newsroom.notifier.channels.PostRef("partner:a-1:announce:1", null), "partner:a-1:correct:2");

		receiver.verify(postRequestedFor(urlEqualTo("/hooks/newsroom"))
			.withRequestBody(matchingJsonPath("$.type", equalTo("article.corrected")))
			.withRequestBody(matchingJsonPath("$.data.correctionNote", equalTo("The vote was 120 to 30."))));
	}

	@Test
	void answersAreReadAsTheSpecSuggests() {
		assertKind(429, "120", Kind.RATE_LIMITED);
		assertKind(503, null, Kind.TRANSIENT);
		assertKind(401, null, Kind.CREDENTIALS_REFUSED);
		assertKind(410, null, Kind.REJECTED);
	}

	@Test
	void aRateLimitHonoursRetryAfter() {
		receiver.stubFor(post(urlEqualTo("/hooks/newsroom"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
		assertThatExceptionOfType(ChannelException.class)
			.isThrownBy(() -> this.channel.post(Posts.of("T", "", "https://news.example/en/a"), "d-1"))
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(120)));
	}

	private void assertKind(int status, String retryAfter, Kind kind) {
		receiver.resetAll();
		receiver.stubFor(post(urlEqualTo("/hooks/newsroom"))
			.willReturn((retryAfter != null) ? aResponse().withStatus(status).withHeader("Retry-After", retryAfter)
					: aResponse().withStatus(status)));
		assertThatExceptionOfType(ChannelException.class)
			.isThrownBy(() -> this.channel.post(Posts.of("T", "", "https://news.example/en/a"), "d-1"))
			.satisfies((ex) -> assertThat(ex.kind()).as("HTTP %d", status).isEqualTo(kind));
	}

}
