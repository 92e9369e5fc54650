/**
 * The audit trail: every delivery attempt, recorded on the notification-deliveries topic.
 */
package dev.newsroom.notifier.delivery;
