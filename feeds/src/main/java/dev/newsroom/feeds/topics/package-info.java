/**
 * How the feeds read a topic: with consumers of their own, assigned every partition, in
 * no consumer group and committing nothing, the way any downstream reader of the public
 * topics can.
 */
package dev.newsroom.feeds.topics;
