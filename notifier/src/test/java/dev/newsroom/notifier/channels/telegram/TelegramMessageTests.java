package dev.newsroom.notifier.channels.telegram;

import org.junit.jupiter.api.Test;

import dev.newsroom.notifier.channels.Announcement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an announcement reads on Telegram.
 */
class TelegramMessageTests {

	@Test
	void messageHasBoldTitleLeadAndLink() {
		Announcement announcement = new Announcement("e-1", "a-1", 1, "en", "Budget passes", "Parliament approved it.",
				"https://news.example/en/politics/budget-passes", false);

		assertThat(TelegramMessage.html(announcement)).isEqualTo(
				"""
						<b>Budget passes</b>

						Parliament approved it.

						<a href="https://news.example/en/politics/budget-passes">https://news.example/en/politics/budget-passes</a>""");
	}

	@Test
	void everythingFromTheArticleIsEscaped() {
		Announcement announcement = new Announcement("e-1", "a-1", 1, "en", "Q&A: <Budget> \"now\"", "1 < 2 & 3 > 2",
				"https://news.example/en/a?x=1&y=\"2\"", false);

		String html = TelegramMessage.html(announcement);

		assertThat(html).startsWith("<b>Q&amp;A: &lt;Budget&gt; &quot;now&quot;</b>")
			.contains("1 &lt; 2 &amp; 3 &gt; 2")
			.contains("<a href=\"https://news.example/en/a?x=1&amp;y=&quot;2&quot;\">");
	}

	@Test
	void breakingNewsIsMarked() {
		Announcement announcement = new Announcement("e-1", "a-1", 1, "az", "Zəlzələ", "Lead", "https://x.example/a",
				true);
		assertThat(TelegramMessage.html(announcement)).startsWith("\u26A1 <b>Zəlzələ</b>");
	}

	@Test
	void longLeadIsCutAtAWordAndTheMessageStaysWithinTelegramsLimit() {
		String lead = "word ".repeat(2000);
		Announcement announcement = new Announcement("e-1", "a-1", 1, "en", "Title ".repeat(1000), lead,
				"https://x.example/a", false);

		String html = TelegramMessage.html(announcement);

		assertThat(html.length()).isLessThan(TelegramMessage.MAX_LENGTH);
		assertThat(html).contains("word\u2026");
	}

}
