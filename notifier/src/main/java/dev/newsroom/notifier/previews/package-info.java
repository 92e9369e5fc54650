/**
 * Previews of the posts an article would make on each channel its edition routes to, for
 * editors before they publish.
 */
package dev.newsroom.notifier.previews;
