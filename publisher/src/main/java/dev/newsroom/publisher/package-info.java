/**
 * The publisher service: turns editors' changes into article lifecycle events on Kafka.
 */
package dev.newsroom.publisher;
