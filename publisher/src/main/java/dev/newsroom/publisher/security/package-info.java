/**
 * Sign-in and roles: local accounts with passwords and API tokens, JWTs from the
 * newsroom's identity provider, the rules of who may call what, and the {@link Editor} a
 * controller receives for the signed-in person.
 */
package dev.newsroom.publisher.security;
