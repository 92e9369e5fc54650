/**
 * Posts to an X account: API v2 with OAuth 1.0a, text measured by twitter-text.
 */
package dev.newsroom.notifier.channels.x;
