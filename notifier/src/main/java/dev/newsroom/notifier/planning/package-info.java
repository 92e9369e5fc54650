/**
 * Planning: each article event becomes its deliveries, one per channel and action,
 * written to the ledger in the same Kafka transaction that consumes the event.
 */
package dev.newsroom.notifier.planning;
