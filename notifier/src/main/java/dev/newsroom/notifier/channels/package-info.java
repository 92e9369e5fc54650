/**
 * The channels an article can be announced on, behind one interface.
 */
package dev.newsroom.notifier.channels;
