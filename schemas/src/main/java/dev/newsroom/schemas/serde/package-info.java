/**
 * Kafka serializers, deserializers and serdes for Avro specific records in Confluent's
 * wire format: magic byte 0, a 4-byte big-endian schema id, then the Avro binary
 * encoding.
 */
package dev.newsroom.schemas.serde;
