/**
 * The delivery ledger on the compacted topic {@code newsroom.deliveries}: how deliveries
 * are named and partitioned (by channel, so that one instance works through one channel),
 * how they are written, and the view of every delivery that each instance rebuilds from
 * the topic.
 */
package dev.newsroom.notifier.ledger;
