package dev.newsroom.publisher;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.Architecture;

/**
 * The publisher's capabilities depend on each other one way only.
 */
class ArchitectureTests {

	@Test
	void capabilitiesDependOnEachOtherWithoutACycle() {
		Architecture.assertCapabilitiesFreeOfCycles("dev.newsroom.publisher");
	}

}
