package dev.newsroom.notifier.channels.x;

import org.junit.jupiter.api.Test;

import dev.newsroom.notifier.channels.Post;
import dev.newsroom.notifier.channels.Posts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posts on X are measured as X measures them, with twitter-text.
 */
class XPostTextTests {

	@Test
	void aLongUrlCountsTwentyThree() {
		String url = "https://news.example.com/en/politics/" + "very-long-slug-".repeat(20);
		String text = XPostText.post(Posts.of("Budget passes", "", url));

		assertThat(text).isEqualTo("Budget passes\n\n" + url);
		assertThat(XPostText.weightedLength(text)).isEqualTo("Budget passes\n\n".length() + 23);
	}

	@Test
	void aLongTitleIsShortenedToFitTheWeightedLimitButTheLinkIsKept() {
		Post post = Posts.of("Parliament ".repeat(100), "", "https://news.example.com/en/a");

		String text = XPostText.post(post);

		assertThat(XPostText.valid(text)).isTrue();
		assertThat(XPostText.weightedLength(text)).isGreaterThan(260).isLessThanOrEqualTo(280);
		assertThat(text).endsWith("\u2026\n\nhttps://news.example.com/en/a");
	}

	@Test
	void cjkCharactersWeighTwo() {
		Post post = Posts.of("議会".repeat(200), "", "https://news.example.com/ja/a");

		String text = XPostText.post(post);

		assertThat(XPostText.valid(text)).isTrue();
		// 280 weighted: the link 23, two newlines, the ellipsis; each CJK character 2.
		assertThat(text.indexOf('\u2026')).isLessThanOrEqualTo((280 - 23 - 2 - 1) / 2);
	}

	@Test
	void aCorrectionIsAReplyTextWithTheNote() {
		String text = XPostText.correction(Posts.corrected("Budget passes", "The vote was 120 to 30."));
		assertThat(text).isEqualTo("Correction: The vote was 120 to 30.\n\nhttps://news.example/en/a");
		assertThat(XPostText.valid(text)).isTrue();
	}

}
