/**
 * Wiring of the view counter: settings, topics, the streams application and its
 * dead-letter topic.
 */
package dev.newsroom.viewcounter.config;
