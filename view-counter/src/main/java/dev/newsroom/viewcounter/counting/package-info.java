/**
 * The Kafka Streams topology that counts views per article.
 */
package dev.newsroom.viewcounter.counting;
