/**
 * Announcing on a Telegram channel or group through the Bot API's {@code sendMessage}.
 */
package dev.newsroom.notifier.channels.telegram;
