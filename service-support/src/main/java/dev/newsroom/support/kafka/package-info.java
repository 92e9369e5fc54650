/**
 * How Newsroom services declare the topics they own.
 */
package dev.newsroom.support.kafka;
