/**
 * Newsroom's feeds: what downstream readers subscribe to, built only from the public
 * topics, as any consumer of them could build it.
 */
package dev.newsroom.feeds;
