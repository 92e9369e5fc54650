package dev.newsroom.notifier.channels;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shortening never breaks what readers see.
 */
class PostTextTests {

	@Test
	void textThatFitsIsLeftAlone() {
		assertThat(PostText.shorten("Budget passes", 13)).isEqualTo("Budget passes");
	}

	@Test
	void longTextIsCutAtAWordWithAnEllipsis() {
		assertThat(PostText.shorten("Parliament approves the budget after a long night", 30))
			.isEqualTo("Parliament approves the\u2026");
	}

	@Test
	void anEmojiWithItsSkinToneIsNeverSplit() {
		String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man, woman,
																			// girl joined
		String thumbs = "\uD83D\uDC4D\uD83C\uDFFD"; // thumbs up, medium skin tone
		String text = "x".repeat(20) + thumbs + family + "y".repeat(20);
		for (int max = 1; max < text.length(); max++) {
			String shortened = PostText.shorten(text, max);
			assertThat(shortened.length()).isLessThanOrEqualTo(max);
			String kept = shortened.substring(0, Math.max(0, shortened.length() - 1));
			assertThat(text).startsWith(kept);
			// The thumbs take 4 UTF-16 units from 20, the family 8 from 24.
			assertThat(kept.length()).as("cut inside an emoji at max %d", max)
				.isNotIn(21, 22, 23, 25, 26, 27, 28, 29, 30, 31);
		}
	}

	@Test
	void aLetterWithItsCombiningAccentIsNeverSplit() {
		String text = "Zəlzələ" + "e\u0301".repeat(10);
		String shortened = PostText.shorten(text, 9);
		assertThat(shortened).isEqualTo("Zəlzələ\u2026");
	}

	@Test
	void aPlatformsOwnMeasureDecides() {
		String text = "a b c d e f g h";
		assertThat(PostText.shortenToFit(text, (candidate) -> candidate.replace(" ", "").length() <= 5))
			.isEqualTo("a b c d\u2026");
	}

}
