/**
 * Confluent's seven compatibility levels, decided with Avro's own reader/writer schema
 * resolution rules.
 */
package dev.newsroom.registry.compatibility;
