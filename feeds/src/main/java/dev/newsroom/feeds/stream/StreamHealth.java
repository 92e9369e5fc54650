package dev.newsroom.feeds.stream;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.newsroom.feeds.catalogue.Catalogue;

/**
 * The stream is ready once it reads its topic and knows which editions exist; until then
 * it answers 503, and the readiness probe keeps traffic away.
 */
class StreamHealth implements HealthIndicator {

	private final ChangeLogHead head;

	private final Catalogue editions;

	StreamHealth(ChangeLogHead head, Catalogue editions) {
		this.head = head;
		this.editions = editions;
	}

	@Override
	public Health health() {
		Health.Builder health = (this.head.isReady() && this.editions.isLoaded()) ? Health.up() : Health.outOfService();
		return health.withDetail("topicFound", this.head.isReady())
			.withDetail("editionsLoaded", this.editions.isLoaded())
			.withDetail("clients", this.head.clientCount())
			.build();
	}

}
