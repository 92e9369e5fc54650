package dev.newsroom.notifier.channels.x;

import com.twitter.twittertext.TwitterTextParser;

import dev.newsroom.notifier.channels.Post;
import dev.newsroom.notifier.channels.PostText;

/**
 * The text of a post on X: the headline and the link, and for a correction reply the note
 * and the link. Measured with X's own twitter-text library, which weighs a URL as 23 and
 * CJK characters as 2 within the 280 limit; only the headline or the note is shortened,
 * at a grapheme boundary, never the link.
 */
final class XPostText {

	private XPostText() {
	}

	static String post(Post post) {
		String prefix = post.breaking() ? "BREAKING: " : "";
		String suffix = "\n\n" + post.url();
		return prefix + PostText.shortenToFit(post.title().strip(), (title) -> valid(prefix + title + suffix)) + suffix;
	}

	static String correction(Post post) {
		String prefix = "Correction: ";
		String suffix = "\n\n" + post.url();
		String note = (post.correctionNote() != null) ? post.correctionNote().strip() : "";
		return prefix + PostText.shortenToFit(note, (text) -> valid(prefix + text + suffix)) + suffix;
	}

	static boolean valid(String text) {
		return TwitterTextParser.parseTweet(text).isValid;
	}

	static int weightedLength(String text) {
		return TwitterTextParser.parseTweet(text).weightedLength;
	}

}
