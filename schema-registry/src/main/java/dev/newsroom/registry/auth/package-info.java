/**
 * Who may change the registry: HTTP Basic credentials of a configured user for every
 * POST, PUT and DELETE, checked with bcrypt and remembered for a while; reads are open.
 */
package dev.newsroom.registry.auth;
