/**
 * What every benchmark shares: command-line options, an open-loop load driver that
 * records latencies in an HdrHistogram, and a report of percentiles and the JVM it ran
 * on.
 */
package dev.newsroom.bench.harness;
