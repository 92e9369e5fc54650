/**
 * A channel that writes announcements to the log, for local runs without credentials.
 */
package dev.newsroom.notifier.channels.log;
