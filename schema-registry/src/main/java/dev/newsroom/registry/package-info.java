/**
 * A schema registry that speaks Confluent Schema Registry's REST API v1 for Avro and
 * keeps its state in a compacted Kafka topic.
 */
package dev.newsroom.registry;
