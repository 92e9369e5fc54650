/**
 * Where articles go: the configured channels, and the routes from editions, sections and
 * breaking news to them, checked at startup.
 */
package dev.newsroom.notifier.routing;
