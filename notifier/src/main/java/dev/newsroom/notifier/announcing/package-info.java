/**
 * Deciding what to announce: consumes article lifecycle events and hands each newly
 * published article to every channel.
 */
package dev.newsroom.notifier.announcing;
