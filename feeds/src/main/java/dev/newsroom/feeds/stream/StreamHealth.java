package dev.newsroom.feeds.stream;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.newsroom.feeds.catalogue.Catalogue;

/**
 * The service is ready once the stream reads its topic and the catalogue is read to where
 * it ended at start (the editions that exist, the feeds' articles); until then the stream
 * answers 503, and the readiness probe keeps traffic away from the feeds too.
 */
class StreamHealth implements HealthIndicator {

	private final ChangeLogHead head;

	private final Catalogue catalogue;

	StreamHealth(ChangeLogHead head, Catalogue catalogue) {
		this.head = head;
		this.catalogue = catalogue;
	}

	@Override
	public Health health() {
		Health.Builder health = (this.head.isReady() && this.catalogue.isLoaded()) ? Health.up()
				: Health.outOfService();
		return health.withDetail("topicFound", this.head.isReady())
			.withDetail("catalogueLoaded", this.catalogue.isLoaded())
			.withDetail("clients", this.head.clientCount())
			.build();
	}

}
