/**
 * Confluent Schema Registry's REST API v1 over HTTP: its paths, its JSON bodies, its
 * content types and its error codes.
 */
package dev.newsroom.registry.api;
