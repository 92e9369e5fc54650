package dev.newsroom.notifier.channels.telegram;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import dev.newsroom.notifier.channels.Announcement;
import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.DeliveryReceipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Telegram channel against a local server that answers as the Bot API documents.
 */
class TelegramChannelTests {

	private static final String TOKEN = "123456:TEST-token";

	private static FakeTelegramBotApi telegram;

	private final Announcement announcement = new Announcement("e-1", "a-1", 2, "en", "Budget & more", "Lead",
			"https://news.example/en/politics/budget", false);

	@BeforeAll
	static void startTelegram() throws Exception {
		telegram = new FakeTelegramBotApi(TOKEN, "newsroom_test");
	}

	@AfterAll
	static void stopTelegram() {
		telegram.close();
	}

	@BeforeEach
	void reset() {
		telegram.reset();
	}

	@Test
	void deliveredMessageGivesTheMessageIdAndItsPublicUrl() {
		DeliveryReceipt receipt = channel(TOKEN, "@newsroom_test").deliver(this.announcement);

		assertThat(receipt.externalId()).isNotBlank();
		assertThat(receipt.externalUrl()).isEqualTo("https://t.me/newsroom_test/" + receipt.externalId());
		FakeTelegramBotApi.Request request = telegram.requests().get(0);
		assertThat(request.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
		assertThat(request.body().path("chat_id").asString()).isEqualTo("@newsroom_test");
		assertThat(request.body().path("parse_mode").asString()).isEqualTo("HTML");
		assertThat(request.body().path("text").asString()).startsWith("<b>Budget &amp; more</b>");
	}

	@Test
	void tooManyRequestsIsRetryableAfterTheTimeTelegramAsksFor() {
		telegram.throttleNext(7);

		assertThatExceptionOfType(ChannelException.class)
			.isThrownBy(() -> channel(TOKEN, "@newsroom_test").deliver(this.announcement))
			.satisfies((ex) -> {
				assertThat(ex.retryable()).isTrue();
				assertThat(ex.retryAfter()).contains(Duration.ofSeconds(7));
				assertThat(ex).hasMessageContaining("429");
			});
	}

	@Test
	void unknownChatIsNotRetryable() {
		assertThatExceptionOfType(ChannelException.class)
			.isThrownBy(() -> channel(TOKEN, "@nobody").deliver(this.announcement))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse())
			.withMessageContaining("chat not found");
	}

	@Test
	void wrongTokenIsNotRetryableAndTheTokenIsNotInTheMessage() {
		assertThatExceptionOfType(ChannelException.class)
			.isThrownBy(() -> channel("999:WRONG-secret", "@newsroom_test").deliver(this.announcement))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse())
			.withMessageContaining("401")
			.withMessageNotContaining("WRONG-secret");
	}

	@Test
	void unreachableApiIsRetryableAndTheTokenIsNotInTheMessage() {
		TelegramChannel channel = new TelegramChannel(RestClient.builder(), URI.create("http://localhost:9"),
				"555:UNREACHABLE-secret", "@newsroom_test", Duration.ofSeconds(2));
		assertThatExceptionOfType(ChannelException.class).isThrownBy(() -> channel.deliver(this.announcement))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue())
			.withMessageNotContaining("UNREACHABLE-secret");
	}

	private static TelegramChannel channel(String token, String chatId) {
		return new TelegramChannel(RestClient.builder(), URI.create(telegram.url()), token, chatId,
				Duration.ofSeconds(5));
	}

}
