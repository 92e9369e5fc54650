package dev.newsroom.viewcounter;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.Architecture;

/**
 * The view-counter's capabilities depend on each other one way only.
 */
class ArchitectureTests {

	@Test
	void capabilitiesDependOnEachOtherWithoutACycle() {
		Architecture.assertCapabilitiesFreeOfCycles("dev.newsroom.viewcounter");
	}

}
