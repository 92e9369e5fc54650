package dev.newsroom.feeds.syndication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.jspecify.annotations.Nullable;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.Correction;

/**
 * Writes an edition's or a section's articles as an RSS 2.0 or Atom 1.0 feed, with ROME.
 * Each item is an article in its latest version: its id (a {@code urn:uuid:}) stays the
 * same through corrections, so that readers update the item rather than add one, and a
 * public correction's note leads its description.
 */
class ArticleFeeds {

	static final String RSS_TYPE = "application/rss+xml";

	static final String ATOM_TYPE = "application/atom+xml";

	/** The two formats, with ROME's names for them and their media types. */
	enum Format {

		RSS("rss_2.0", RSS_TYPE), ATOM("atom_1.0", ATOM_TYPE);

		private final String romeType;

		private final String mediaType;

		Format(String romeType, String mediaType) {
			this.romeType = romeType;
			this.mediaType = mediaType;
		}

		String mediaType() {
			return this.mediaType;
		}

	}

	private final SyndicationSettings settings;

	ArticleFeeds(SyndicationSettings settings) {
		this.settings = settings;
	}

	/**
	 * @param format RSS or Atom
	 * @param edition the edition
	 * @param section the section, or {@code null} for the whole edition
	 * @param listName what the feed lists, if not the latest articles
	 * @param articles its articles, in the feed's order
	 * @param notes what leads an article's description, by article id, such as its views
	 * @param selfUrl the feed's own URL
	 * @param updated when the feed last changed
	 * @return the feed's XML
	 */
	String write(Format format, String edition, @Nullable String section, @Nullable String listName,
			List<Article> articles, Map<String, String> notes, String selfUrl, Instant updated) {
		String scope = (section != null) ? edition + "/" + section : edition;
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(format.romeType);
		feed.setTitle(this.settings.siteName() + " (" + scope + ")" + ((listName != null) ? ": " + listName : ""));
		feed.setDescription(((listName != null) ? listName : "The latest articles") + " of " + this.settings.siteName()
				+ ", " + ((section != null) ? "section " + section + " of edition " + edition : "edition " + edition));
		feed.setLink(this.settings.link("/" + scope));
		feed.setUri(selfUrl);
		feed.setLanguage(edition);
		feed.setPublishedDate(Date.from(updated));
		SyndLink self = new SyndLinkImpl();
		self.setRel("self");
		self.setHref(selfUrl);
		self.setType(format.mediaType);
		feed.setLinks(List.of(alternate(feed.getLink()), self));
		feed.setEntries(articles.stream().map((article) -> entry(article, notes.get(article.getId()))).toList());
		try {
			return new SyndFeedOutput().outputString(feed, true);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the " + format + " feed of " + scope, ex);
		}
	}

	private static SyndEntry entry(Article article, @Nullable String note) {
		SyndEntry entry = new SyndEntryImpl();
		entry.setUri("urn:uuid:" + article.getId());
		entry.setTitle(article.getTitle());
		entry.setLink(article.getCanonicalUrl());
		entry.setLinks(List.of(alternate(article.getCanonicalUrl())));
		Instant published = (article.getPublishedAt() != null) ? article.getPublishedAt() : article.getUpdatedAt();
		entry.setPublishedDate(Date.from(published));
		entry.setUpdatedDate(Date.from(article.getUpdatedAt()));
		SyndContent description = new SyndContentImpl();
		description.setType("text/plain");
		description.setValue(((note != null) ? note + " " : "") + description(article));
		entry.setDescription(description);
		SyndContent body = new SyndContentImpl();
		body.setType("html");
		body.setValue(article.getBody());
		entry.setContents(List.of(body));
		List<SyndPerson> authors = new ArrayList<>();
		article.getAuthors().forEach((author) -> {
			SyndPerson person = new SyndPersonImpl();
			person.setName(author.getName());
			if (author.getProfileUrl() != null) {
				person.setUri(author.getProfileUrl());
			}
			authors.add(person);
		});
		entry.setAuthors(authors);
		List<SyndCategory> categories = new ArrayList<>();
		categories.add(category(article.getSection()));
		article.getTags().forEach((tag) -> categories.add(category(tag)));
		entry.setCategories(categories);
		return entry;
	}

	private static String description(Article article) {
		List<Correction> corrections = article.getCorrections();
		if (corrections.isEmpty()) {
			return article.getLead();
		}
		return "Correction: " + corrections.get(corrections.size() - 1).getNote() + " " + article.getLead();
	}

	private static SyndCategory category(String name) {
		SyndCategory category = new SyndCategoryImpl();
		category.setName(name);
		return category;
	}

	private static SyndLink alternate(String href) {
		SyndLink link = new SyndLinkImpl();
		link.setRel("alternate");
		link.setType("text/html");
		link.setHref(href);
		return link;
	}

}
