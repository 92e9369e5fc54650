/**
 * The editors' console, a face on the services' APIs: {@code signin} (accounts and roles
 * are the publisher's), {@code stories} (the list, compose and publish, the story page).
 */
package dev.newsroom.console;
