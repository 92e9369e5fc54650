/**
 * The registry's state: a compacted Kafka topic written one change at a time and read
 * back by a single reader thread into memory, with Confluent's rules for registering,
 * looking up and deleting schemas on top.
 */
package dev.newsroom.registry.store;
