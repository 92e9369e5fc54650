/**
 * The public event stream, {@code GET /v1/stream/articles}: published, corrected, updated
 * and retracted articles as server-sent events, read from
 * {@code newsroom.article-changes}, each with an id that a client resumes from.
 */
package dev.newsroom.feeds.stream;
