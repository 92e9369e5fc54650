/**
 * The view-counter service: page views in, exact per-article counts out.
 */
package dev.newsroom.viewcounter;
