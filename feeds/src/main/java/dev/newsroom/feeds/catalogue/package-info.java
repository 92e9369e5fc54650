/**
 * What the feeds know of the catalogue, rebuilt at every start by replaying the compacted
 * {@code newsroom.articles}: the editions that exist.
 */
package dev.newsroom.feeds.catalogue;
