/**
 * Newsroom's benchmarks: one runnable class per figure, each run against a local stack
 * started with {@code ./run-local}.
 */
package dev.newsroom.bench;
