/**
 * The notifier service: fans published articles out to social channels.
 */
package dev.newsroom.notifier;
