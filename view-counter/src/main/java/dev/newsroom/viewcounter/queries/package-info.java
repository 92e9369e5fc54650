/**
 * Reading counts from the topology's state store.
 */
package dev.newsroom.viewcounter.queries;
