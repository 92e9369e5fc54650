/**
 * How the feeds answer over HTTP what their capabilities refuse: RFC 9457 problems.
 */
package dev.newsroom.feeds.web;
