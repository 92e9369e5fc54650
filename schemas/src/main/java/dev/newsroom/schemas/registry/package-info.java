/**
 * Client for the REST API v1 of a Confluent-compatible schema registry, with caching.
 */
package dev.newsroom.schemas.registry;
