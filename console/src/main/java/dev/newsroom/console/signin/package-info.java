/**
 * Signing in and out with the publisher's accounts: form login, CSRF protection, a
 * session that times out, and the publisher's API token kept in the session.
 */
package dev.newsroom.console.signin;
