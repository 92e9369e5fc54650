/**
 * The channels page: each channel's health, pause reason and queue, from the notifier.
 */
package dev.newsroom.console.channels;
