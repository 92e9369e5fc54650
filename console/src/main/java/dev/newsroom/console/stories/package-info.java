/**
 * The stories: the list with live views, composing and publishing, and a story's page,
 * all through the publisher's and the view counter's APIs.
 */
package dev.newsroom.console.stories;
