package dev.newsroom.feeds.syndication;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.newsroom.events.article.Article;

/**
 * Writes a Google News sitemap of an edition: its articles published within the news
 * window (48 hours), at most 1,000 (Google's limit per sitemap), with the publication's
 * name and language, each article's publication date and title.
 */
class NewsSitemap {

	/** Google News reads at most this many URLs of a news sitemap. */
	static final int MAX_URLS = 1000;

	static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

	static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

	private final SyndicationSettings settings;

	NewsSitemap(SyndicationSettings settings) {
		this.settings = settings;
	}

	/**
	 * @param edition the edition, also the publication's language
	 * @param articles its articles, the most recently published first
	 * @param now the current time
	 * @return the sitemap's XML
	 */
	String write(String edition, List<Article> articles, Instant now) {
		Instant since = now.minus(this.settings.newsWindow());
		StringWriter xml = new StringWriter();
		try {
			XMLStreamWriter out = XMLOutputFactory.newFactory().createXMLStreamWriter(xml);
			out.writeStartDocument("UTF-8", "1.0");
			out.setDefaultNamespace(SITEMAP);
			out.setPrefix("news", NEWS);
			out.writeStartElement(SITEMAP, "urlset");
			out.writeDefaultNamespace(SITEMAP);
			out.writeNamespace("news", NEWS);
			articles.stream()
				.filter((article) -> article.getPublishedAt() != null && !article.getPublishedAt().isBefore(since))
				.limit(MAX_URLS)
				.forEach((article) -> url(out, edition, article));
			out.writeEndElement();
			out.writeEndDocument();
			out.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the news sitemap of " + edition, ex);
		}
		return xml.toString();
	}

	private void url(XMLStreamWriter out, String edition, Article article) {
		try {
			out.writeStartElement(SITEMAP, "url");
			element(out, SITEMAP, "loc", article.getCanonicalUrl());
			out.writeStartElement(NEWS, "news");
			out.writeStartElement(NEWS, "publication");
			element(out, NEWS, "name", this.settings.siteName());
			element(out, NEWS, "language", edition);
			out.writeEndElement();
			element(out, NEWS, "publication_date", article.getPublishedAt().truncatedTo(ChronoUnit.SECONDS).toString());
			element(out, NEWS, "title", article.getTitle());
			out.writeEndElement();
			out.writeEndElement();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write " + article.getCanonicalUrl() + " to a news sitemap", ex);
		}
	}

	private static void element(XMLStreamWriter out, String namespace, String name, String text)
			throws XMLStreamException {
		out.writeStartElement(namespace, name);
		out.writeCharacters(text);
		out.writeEndElement();
	}

}
