/**
 * Posts to an Instagram professional account: a media container, then media_publish,
 * within the daily limit.
 */
package dev.newsroom.notifier.channels.instagram;
