/**
 * Meta's Graph API, shared by the Facebook and Instagram channels: calls and the error
 * contract.
 */
package dev.newsroom.notifier.channels.graph;
