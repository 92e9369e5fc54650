/**
 * RSS 2.0 and Atom feeds per edition and section, and Google News sitemaps, built from
 * the catalogue and written with ROME (the sitemaps with StAX).
 */
package dev.newsroom.feeds.syndication;
