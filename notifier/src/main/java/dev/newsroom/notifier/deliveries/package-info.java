/**
 * The audit trail for editors: every channel's deliveries of an article, and the retry,
 * cancel and resume commands, written to the ledger for the channel's worker to follow.
 */
package dev.newsroom.notifier.deliveries;
