/**
 * Publishing an article: the API, its validation, and the event sent to the articles
 * topic.
 */
package dev.newsroom.publisher.publishing;
