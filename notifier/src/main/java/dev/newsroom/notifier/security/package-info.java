/**
 * Who may act on deliveries: editors of the publisher's local accounts (HTTP Basic,
 * checked against the publisher's accounts file) or of the newsroom's identity provider
 * (JWTs); reading deliveries needs no sign-in.
 */
package dev.newsroom.notifier.security;
