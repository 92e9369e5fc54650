package dev.newsroom.notifier.channels;

import java.util.function.Predicate;

import com.ibm.icu.text.BreakIterator;

/**
 * Shortens text for a platform's limit without breaking what readers see: never inside a
 * grapheme (an emoji with its skin tone or its joined parts, a letter with its accents),
 * at a word boundary when one is near, and marked with an ellipsis.
 */
public final class PostText {

	private static final String ELLIPSIS = "\u2026";

	private PostText() {
	}

	/**
	 * @param text the text
	 * @param maxLength the most UTF-16 units the result may have
	 * @return the text, or its longest start that fits with an ellipsis
	 */
	public static String shorten(String text, int maxLength) {
		return shortenToFit(text, (candidate) -> candidate.length() <= maxLength);
	}

	/**
	 * Shortens text until a platform's own measure accepts it, such as X's weighted
	 * length.
	 * @param text the text
	 * @param fits whether a candidate fits
	 * @return the text if it fits, else the longest start ending at a grapheme boundary
	 * (a word boundary if one is in the last quarter) that fits with an ellipsis, or an
	 * empty string if none does
	 */
	public static String shortenToFit(String text, Predicate<String> fits) {
		if (fits.test(text)) {
			return text;
		}
		BreakIterator graphemes = BreakIterator.getCharacterInstance();
		graphemes.setText(text);
		int low = 0;
		int high = text.length();
		int best = -1;
		// Binary search over grapheme boundaries for the longest start that fits.
		while (low <= high) {
			int middle = (low + high) >>> 1;
			int boundary = graphemes.isBoundary(middle) ? middle : graphemes.preceding(middle);
			if (boundary <= best) {
				low = middle + 1;
				continue;
			}
			if (fits.test(text.substring(0, boundary).stripTrailing() + ELLIPSIS)) {
				best = boundary;
				low = middle + 1;
			}
			else {
				high = middle - 1;
			}
		}
		if (best <= 0) {
			return fits.test(ELLIPSIS) ? ELLIPSIS : "";
		}
		BreakIterator words = BreakIterator.getWordInstance();
		words.setText(text);
		int word = words.isBoundary(best) ? best : words.preceding(best);
		int cut = (word > best * 3 / 4) ? word : best;
		return text.substring(0, cut).stripTrailing() + ELLIPSIS;
	}

}
