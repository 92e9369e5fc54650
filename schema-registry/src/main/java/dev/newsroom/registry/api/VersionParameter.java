package dev.newsroom.registry.api;

import dev.newsroom.registry.RegistryException;
import dev.newsroom.registry.RegistryException.Reason;
import dev.newsroom.registry.store.SchemaStore;

/**
 * Reads the {@code {version}} path segment: a number from 1 to 2^31-1, {@code latest} or
 * {@code -1}.
 */
final class VersionParameter {

	private VersionParameter() {
	}

	static int parse(String version) {
		String trimmed = version.trim();
		if ("latest".equalsIgnoreCase(trimmed)) {
			return SchemaStore.LATEST;
		}
		try {
			int number = Integer.parseInt(trimmed);
			if (number == -1) {
				return SchemaStore.LATEST;
			}
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new RegistryException(Reason.INVALID_VERSION, "The specified version '" + version
				+ "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\".");
	}

}
