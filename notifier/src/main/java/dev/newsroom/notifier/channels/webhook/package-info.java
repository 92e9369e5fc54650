/**
 * Signed webhooks to any URL, following the Standard Webhooks spec.
 */
package dev.newsroom.notifier.channels.webhook;
