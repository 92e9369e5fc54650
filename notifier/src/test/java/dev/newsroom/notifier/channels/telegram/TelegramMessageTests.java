package dev.newsroom.notifier.channels.telegram;

import org.junit.jupiter.api.Test;

import dev.newsroom.notifier.channels.Post;
import dev.newsroom.notifier.channels.Posts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a post reads on Telegram, and that it stays valid HTML within Telegram's limit
 * whatever the article holds.
 */
class TelegramMessageTests {

	@Test
	void messageHasBoldTitleLeadAndLink() {
		Post post = Posts.of("Budget passes", "Parliament approved it.",
				"https://news.example/en/politics/budget-passes");

		assertThat(TelegramMessage.html(post)).isEqualTo(
				"""
						<b>Budget passes</b>

						Parliament approved it.

						<a href="https://news.example/en/politics/budget-passes">https://news.example/en/politics/budget-passes</a>""");
	}

	@Test
	void everythingFromTheArticleIsEscaped() {
		Post post = Posts.of("Q&A: <Budget> \"now\"", "1 < 2 & 3 > 2", "https://news.example/en/a?x=1&y=\"2\"");

		String html = TelegramMessage.html(post);

		assertThat(html).startsWith("<b>Q&amp;A: &lt;Budget&gt; &quot;now&quot;</b>")
			.contains("1 &lt; 2 &amp; 3 &gt; 2")
			.contains("<a href=\"https://news.example/en/a?x=1&amp;y=&quot;2&quot;\">");
	}

	@Test
	void breakingNewsIsMarked() {
		assertThat(TelegramMessage.html(Posts.breaking("Zəlzələ"))).startsWith("\u26A1 <b>Zəlzələ</b>");
	}

	@Test
	void aCorrectionAddsItsNoteInItalics() {
		assertThat(TelegramMessage.html(Posts.corrected("Budget passes", "An earlier version gave 2024 & not 2025.")))
			.endsWith("\n\n<i>Correction: An earlier version gave 2024 &amp; not 2025.</i>");
	}

	@Test
	void aHundredThousandCharacterTitleStaysWithinTelegramsLimit() {
		Post post = Posts.of("Title ".repeat(20_000), "word ".repeat(20_000), "https://news.example/en/a");

		String html = TelegramMessage.html(post);

		assertThat(visibleLength(html)).isLessThanOrEqualTo(TelegramMessage.MAX_LENGTH);
		assertThat(html).contains("Title\u2026</b>").contains("word\u2026").endsWith("</a>");
	}

	@Test
	void aCutNeverFallsInsideAnEntityOrAnEmoji() {
		for (String unit : new String[] { "&", "<", "\"", "\uD83D\uDC4D\uD83C\uDFFD" }) {
			Post post = Posts.of(unit.repeat(1000), unit.repeat(2000), "https://news.example/en/a");

			String html = TelegramMessage.html(post);

			assertThat(visibleLength(html)).isLessThanOrEqualTo(TelegramMessage.MAX_LENGTH);
			String title = html.substring("<b>".length(), html.indexOf("\u2026</b>"));
			String escaped = TelegramMessage.escape(unit);
			assertThat(title.length() % escaped.length()).as("title cut inside %s", escaped).isZero();
			assertThat(title.replace(escaped, "")).isEmpty();
		}
	}

	/**
	 * Telegram's limit counts the text after entities are parsed: without tags, each
	 * entity one character.
	 */
	private static int visibleLength(String html) {
		return html.replaceAll("<[^>]+>", "")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&amp;", "&")
			.length();
	}

}
