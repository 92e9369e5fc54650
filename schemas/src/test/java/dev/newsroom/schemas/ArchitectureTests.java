package dev.newsroom.schemas;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.Architecture;

/**
 * The contract module serves every service and knows none, and its parts depend on each
 * other one way only.
 */
class ArchitectureTests {

	@Test
	void dependsOnNoService() {
		Architecture.assertDependsOnNoService("dev.newsroom.schemas");
		Architecture.assertDependsOnNoService("dev.newsroom.events");
	}

	@Test
	void partsDependOnEachOtherWithoutACycle() {
		Architecture.assertCapabilitiesFreeOfCycles("dev.newsroom.schemas");
	}

}
