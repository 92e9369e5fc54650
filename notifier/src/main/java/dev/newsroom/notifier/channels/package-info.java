/**
 * The channels an article can be posted on, behind one interface that sees plain
 * {@link dev.newsroom.notifier.channels.Post} values, and what they share: the failure
 * kinds the delivery engine acts on, HTTP calls and text shortening.
 */
package dev.newsroom.notifier.channels;
