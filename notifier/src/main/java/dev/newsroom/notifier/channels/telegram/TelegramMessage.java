package dev.newsroom.notifier.channels.telegram;

import dev.newsroom.notifier.channels.Announcement;

/**
 * The text of an announcement in Telegram's HTML parse mode: the headline in bold, the
 * lead, and the link. Everything taken from the article is HTML-escaped, so that a title
 * like {@code Q&A: <Budget>} is shown as written instead of breaking the message. Title
 * and lead are shortened at a word, so that the message stays within Telegram's limit
 * whoever wrote the event.
 */
final class TelegramMessage {

	/** Telegram's limit for a message, in characters after entities are parsed. */
	static final int MAX_LENGTH = 4096;

	private static final int MAX_TITLE = 400;

	private static final int MAX_LEAD = 1000;

	private TelegramMessage() {
	}

	static String html(Announcement announcement) {
		StringBuilder text = new StringBuilder();
		if (announcement.breaking()) {
			text.append("\u26A1 ");
		}
		text.append("<b>").append(escape(abbreviate(announcement.title().strip(), MAX_TITLE))).append("</b>\n\n");
		if (!announcement.lead().isBlank()) {
			text.append(escape(abbreviate(announcement.lead().strip(), MAX_LEAD))).append("\n\n");
		}
		String url = escape(announcement.url());
		text.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
		return text.toString();
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

	private static String abbreviate(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int cut = text.lastIndexOf(' ', max - 1);
		return text.substring(0, (cut > max / 2) ? cut : max - 1) + "\u2026";
	}

}
