package dev.newsroom.notifier.channels.instagram;

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
import dev.newsroom.notifier.channels.Post;
import dev.newsroom.notifier.channels.PostRef;
import dev.newsroom.notifier.channels.Posts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Instagram channel against a WireMock fake of the Graph API's content publishing:
 * container, publish, and the 24-hour limit.
 */
class InstagramChannelTests {

	private static final WireMockServer graph = new WireMockServer(options().dynamicPort());

	private InstagramChannel channel;

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
		this.channel = new InstagramChannel("instagram-en", new InstagramSettings("17841400000000000", "ig-token",
				URI.create(graph.baseUrl()), Duration.ofSeconds(2)));
	}

	@Test
	void createsAContainerWithTheHeroImageThenPublishesIt() {
		quota(3, 50);
		graph.stubFor(
				post(urlEqualTo("/17841400000000000/media")).willReturn(json(200, "{\"id\":\"17889455560051444\"}")));
		graph.stubFor(post(urlEqualTo("/17841400000000000/media_publish"))
			.willReturn(json(200, "{\"id\":\"17920238422030506\"}")));

		DeliveryReceipt receipt = this.channel.post(Posts.withImage("Budget passes", "https://img.example/a.jpg"),
				"d-1");

		assertThat(receipt.externalId()).isEqualTo("17920238422030506");
		graph.verify(postRequestedFor(urlEqualTo("/17841400000000000/media"))
			.withRequestBody(containing("image_url=https%3A%2F%2Fimg.example%2Fa.jpg")));
		graph.verify(postRequestedFor(urlEqualTo("/17841400000000000/media_publish"))
			.withRequestBody(containing("creation_id=17889455560051444")));
	}

	@Test
	void anArticleWithoutAHeroImageCannotBePosted() {
		assertThatExceptionOfType(ChannelException.class)
			.isThrownBy(() -> this.channel.post(Posts.of("Budget passes", "", "https://news.example/en/a"), "d-1"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.NOT_POSSIBLE))
			.withMessageContaining("no hero image");
		assertThat(graph.getAllServeEvents()).isEmpty();
	}

	@Test
	void aFullDailyQuotaWaits() {
		quota(50, 50);
		assertThatExceptionOfType(ChannelException.class)
			.isThrownBy(() -> this.channel.post(Posts.withImage("Budget", "https://img.example/a.jpg"), "d-1"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.RATE_LIMITED))
			.withMessageContaining("50 of 50");
	}

	@Test
	void theCaptionStaysWithinInstagramsLimitAndKeepsTheLink() {
		Post post = new Post("a-1", "Title ".repeat(1000), "Lead ".repeat(1000), "https://news.example/en/a", "en",
				"politics", false, "https://img.example/a.jpg", null, null);

		String caption = InstagramChannel.caption(post);

		assertThat(caption.length()).isLessThanOrEqualTo(InstagramChannel.MAX_CAPTION);
		assertThat(caption).endsWith("\u2026\n\nhttps://news.example/en/a");
	}

	@Test
	void editsAndDeletesAreLeftToAnEditor() {
		PostRef original = new PostRef("17920238422030506", null);
		assertThatExceptionOfType(ChannelException.class)
			.isThrownBy(() -> this.channel.correct(Posts.corrected("T", "note"), original, "d-2"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.NOT_POSSIBLE));
		assertThatExceptionOfType(ChannelException.class)
			.isThrownBy(() -> this.channel.remove(Posts.of("T", "", "https://news.example/en/a"), original, "d-3"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.NOT_POSSIBLE))
			.withMessageContaining("by hand");
	}

	private static void quota(int used, int total) {
		graph.stubFor(get(urlPathEqualTo("/17841400000000000/content_publishing_limit"))
			.willReturn(json(200, "{\"data\":[{\"quota_usage\":" + used + ",\"config\":{\"quota_total\":" + total
					+ ",\"quota_duration\":86400}}]}")));
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

}
