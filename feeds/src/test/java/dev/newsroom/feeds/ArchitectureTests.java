package dev.newsroom.feeds;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.Architecture;

/**
 * The feeds' capabilities depend on each other one way only: the stream on the catalogue,
 * never the reverse.
 */
class ArchitectureTests {

	@Test
	void capabilitiesDependOnEachOtherWithoutACycle() {
		Architecture.assertCapabilitiesFreeOfCycles("dev.newsroom.feeds");
	}

	@Test
	void readsTheTopicsAsAnyDownstreamConsumerCould() {
		Architecture.assertUsesOnlyTheContract("dev.newsroom.feeds");
	}

}
