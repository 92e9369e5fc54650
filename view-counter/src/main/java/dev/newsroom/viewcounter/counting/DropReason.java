package dev.newsroom.viewcounter.counting;

/**
 * Why a page-view record was not counted: one reason per rule of what counts as a view.
 */
public enum DropReason {

	/** A crawler, monitor or automated browser sent it, or its class is not known. */
	ROBOT,

	/** A prefetch or prerender, which the reader may never see. */
	PREFETCH,

	/** Signed-in newsroom staff viewed their own site. */
	STAFF,

	/** No such article is in the catalogue. */
	UNKNOWN_ARTICLE,

	/** The article exists but is not public: a draft, scheduled, or retracted. */
	NOT_PUBLISHED,

	/** The same view again: a retried beacon with a view id already counted. */
	RETRIED_BEACON,

	/** The visitor already viewed this article within the visit window. */
	SAME_VISIT;

	/**
	 * @return the name used as a metric tag, such as {@code unknown-article}
	 */
	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
