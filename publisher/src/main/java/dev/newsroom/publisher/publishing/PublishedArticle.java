package dev.newsroom.publisher.publishing;

/**
 * The answer to a publish: which article and version it became, and where its event
 * landed, acknowledged by the broker.
 *
 * @param id the article id
 * @param version the article version
 * @param canonicalUrl the article's public URL
 * @param eventId the id of the lifecycle event
 * @param topic the topic the event was written to
 * @param partition its partition
 * @param offset its offset
 */
record PublishedArticle(String id, long version, String canonicalUrl, String eventId, String topic, int partition,
		long offset) {
}
