package dev.newsroom.registry.store;

import dev.newsroom.registry.compatibility.CompatibilityLevel;

/**
 * One change read from the store topic, applied in topic order to the in-memory state.
 */
sealed interface StoreChange {

	void applyTo(RegistryState state);

	/**
	 * A version was registered or soft-deleted ({@code SCHEMA} key with a value).
	 */
	record VersionWritten(RegisteredSchema version) implements StoreChange {

		@Override
		public void applyTo(RegistryState state) {
			state.putVersion(this.version);
		}

	}

	/**
	 * A version was permanently deleted ({@code SCHEMA} key with a tombstone).
	 */
	record VersionRemoved(String subject, int version) implements StoreChange {

		@Override
		public void applyTo(RegistryState state) {
			state.removeVersion(this.subject, this.version);
		}

	}

	/**
	 * Every version of a subject up to a version was soft-deleted ({@code DELETE_SUBJECT}
	 * key).
	 */
	record SubjectSoftDeleted(String subject, int upToVersion) implements StoreChange {

		@Override
		public void applyTo(RegistryState state) {
			state.softDeleteSubject(this.subject, this.upToVersion);
		}

	}

	/**
	 * The global ({@code subject} null) or a subject's compatibility level was set, or
	 * cleared when {@code level} is null ({@code CONFIG} key).
	 */
	record CompatibilityChanged(String subject, CompatibilityLevel level) implements StoreChange {

		@Override
		public void applyTo(RegistryState state) {
			state.setCompatibility(this.subject, this.level);
		}

	}

}
