/**
 * A real Kafka broker and the real schema registry, started once per test JVM for the
 * services' integration tests.
 */
package dev.newsroom.testsupport;
