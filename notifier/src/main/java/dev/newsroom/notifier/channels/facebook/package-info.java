/**
 * Posts to a Facebook Page through the Graph API: feed posts, edits and deletes.
 */
package dev.newsroom.notifier.channels.facebook;
