/**
 * Runs the whole Newsroom pipeline on one machine with only a JDK: a real single-node
 * Kafka broker and every service.
 */
package dev.newsroom.localstack;
