/**
 * What the feeds know of the catalogue, rebuilt at every start by replaying compacted
 * topics: the public articles and the editions and sections that exist
 * ({@code newsroom.articles}), and the most-read lists ({@code newsroom.trending}).
 */
package dev.newsroom.feeds.catalogue;
