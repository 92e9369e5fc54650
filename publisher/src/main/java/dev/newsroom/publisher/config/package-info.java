/**
 * Wiring of the publisher: its settings and its topics.
 */
package dev.newsroom.publisher.config;
