/**
 * Dispatch: the instance that owns a ledger partition works through the deliveries of its
 * channels, one worker thread per channel, each at its platform's pace, so that a channel
 * that is down or rate-limited delays only itself.
 */
package dev.newsroom.notifier.dispatch;
