package dev.newsroom.notifier.channels;

/**
 * Posts for channel tests.
 */
public final class Posts {

	private Posts() {
	}

	public static Post of(String title, String lead, String url) {
		return new Post("a-1", title, lead, url, "en", "politics", false, null, null, null);
	}

	public static Post breaking(String title) {
		return new Post("a-1", title, "Lead.", "https://news.example/en/a", "en", "politics", true, null, null, null);
	}

	public static Post corrected(String title, String note) {
		return new Post("a-1", title, "Lead.", "https://news.example/en/a", "en", "politics", false, null, note, null);
	}

	public static Post withImage(String title, String imageUrl) {
		return new Post("a-1", title, "Lead.", "https://news.example/en/a", "en", "politics", false, imageUrl, null,
				null);
	}

}
