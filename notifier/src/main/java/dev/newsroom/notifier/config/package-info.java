/**
 * Wiring of the notifier: settings, topics, and the dead-letter handling of its consumer.
 */
package dev.newsroom.notifier.config;
