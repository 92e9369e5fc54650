/**
 * HTTP errors as RFC 9457 problem details, the same in every Newsroom service.
 */
package dev.newsroom.support.web;
