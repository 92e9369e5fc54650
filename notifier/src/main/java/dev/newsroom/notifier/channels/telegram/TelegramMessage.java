package dev.newsroom.notifier.channels.telegram;

import dev.newsroom.notifier.channels.Post;
import dev.newsroom.notifier.channels.PostText;

/**
 * The text of a post in Telegram's HTML parse mode: the headline in bold, the lead, the
 * link, and for a correction the note in italics under it. Everything taken from the
 * article is HTML-escaped, so that a title like {@code Q&A: <Budget>} is shown as
 * written. Title, lead and note are shortened before they are escaped, so that a cut can
 * never fall inside an entity such as {@code &amp;}, and at grapheme boundaries, so that
 * it never splits an emoji; the whole message then stays within Telegram's 4,096
 * characters whoever wrote the article.
 */
final class TelegramMessage {

	/** Telegram's limit for a message, in characters after entities are parsed. */
	static final int MAX_LENGTH = 4096;

	private static final int MAX_TITLE = 400;

	private static final int MAX_LEAD = 1000;

	private static final int MAX_NOTE = 1000;

	private static final int MAX_URL = 1500;

	private TelegramMessage() {
	}

	static String html(Post post) {
		StringBuilder text = new StringBuilder();
		if (post.breaking()) {
			text.append("\u26A1 ");
		}
		text.append("<b>").append(escape(PostText.shorten(post.title().strip(), MAX_TITLE))).append("</b>\n\n");
		if (!post.lead().isBlank()) {
			text.append(escape(PostText.shorten(post.lead().strip(), MAX_LEAD))).append("\n\n");
		}
		// A URL is never shortened: a cut one leads nowhere. The publisher keeps them
		// far below this; a longer one is left out rather than sent broken.
		if (post.url().length() <= MAX_URL) {
			String url = escape(post.url());
			text.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
		}
		if (post.correctionNote() != null && !post.correctionNote().isBlank()) {
			text.append("\n\n<i>Correction: ")
				.append(escape(PostText.shorten(post.correctionNote().strip(), MAX_NOTE)))
				.append("</i>");
		}
		return text.toString();
	}

	/**
	 * The message as readers see it: its tags parsed away and its entities read back.
	 * Telegram's limit counts this text, not the HTML sent.
	 * @param html a message made by {@link #html(Post)}, whose only tags are its own
	 * @return the text shown
	 */
	static String shown(String html) {
		return html.replaceAll("<[^>]+>", "")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&amp;", "&");
	}

	/**
	 * Escapes the characters that Telegram's HTML mode requires escaped, and the quote,
	 * which matters inside attribute values.
	 * @param text plain text
	 * @return the text safe to put in a message or an attribute
	 */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
