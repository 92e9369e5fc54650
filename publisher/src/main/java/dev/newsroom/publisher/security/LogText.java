package dev.newsroom.publisher.security;

/**
 * Text from outside (an account name as typed, a claim of a token) made safe for one log
 * line: control characters replaced, so that nobody can forge log lines, and its length
 * bounded.
 */
final class LogText {

	private static final int MAX_LENGTH = 100;

	private LogText() {
	}

	static String printable(String text) {
		String bounded = (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "…" : text;
		return bounded.codePoints()
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
