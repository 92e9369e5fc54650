package dev.newsroom.console;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.Architecture;

/**
 * The console's capabilities depend on each other one way only: the stories on sign-in,
 * never the reverse.
 */
class ArchitectureTests {

	@Test
	void capabilitiesDependOnEachOtherWithoutACycle() {
		Architecture.assertCapabilitiesFreeOfCycles("dev.newsroom.console");
	}

}
