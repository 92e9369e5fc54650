package dev.newsroom.registry.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports the registry DOWN until it has read its store topic to the end offset found at
 * startup, with the reader's position and last error as details.
 */
final class StoreHealthIndicator implements HealthIndicator {

	private final StoreReader reader;

	StoreHealthIndicator(StoreReader reader) {
		this.reader = reader;
	}

	@Override
	public Health health() {
		Health.Builder builder = this.reader.isCaughtUp() ? Health.up() : Health.down();
		return builder.withDetails(this.reader.status()).build();
	}

}
