package dev.newsroom.publisher.publishing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans an article body with jsoup's safelist: the structure of an article (paragraphs,
 * headings, lists, tables, quotes, links, images, figures) stays; scripts, styles, event
 * handlers, frames and {@code javascript:} URLs never reach the topic.
 */
final class BodySanitizer {

	private static final Safelist SAFELIST = Safelist.relaxed()
		.addTags("figure", "figcaption", "s", "del", "ins", "mark", "hr")
		.addAttributes("a", "rel", "target")
		.addProtocols("a", "href", "http", "https", "mailto", "tel")
		.preserveRelativeLinks(true);

	private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

	private BodySanitizer() {
	}

	/**
	 * @param html an article body as the editor sent it
	 * @return the body with only safe HTML
	 */
	static String sanitize(String html) {
		return Jsoup.clean(html, "https://newsroom.invalid/", SAFELIST, OUTPUT);
	}

	/**
	 * @param html a sanitised body
	 * @return whether it has text or an image for readers
	 */
	static boolean hasContent(String html) {
		Document document = Jsoup.parseBodyFragment(html);
		return !document.body().text().isBlank() || !document.select("img").isEmpty();
	}

}
