/**
 * Newsroom's public contract: the names of its topics and the Avro types they carry.
 */
package dev.newsroom.schemas;
