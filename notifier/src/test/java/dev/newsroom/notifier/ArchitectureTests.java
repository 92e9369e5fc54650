package dev.newsroom.notifier;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.Architecture;

/**
 * The notifier's capabilities depend on each other one way only.
 */
class ArchitectureTests {

	@Test
	void capabilitiesDependOnEachOtherWithoutACycle() {
		Architecture.assertCapabilitiesFreeOfCycles("dev.newsroom.notifier");
	}

}
