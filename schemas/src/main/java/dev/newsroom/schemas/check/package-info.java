/**
 * Checks the local schemas against a deployed registry before they are released.
 */
package dev.newsroom.schemas.check;
