/**
 * The beacon endpoint that records page views on the page-views topic.
 */
package dev.newsroom.viewcounter.ingest;
