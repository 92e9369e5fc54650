package dev.newsroom.viewcounter.queries;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Health of the counting streams application, as {@code streams} in
 * {@code /actuator/health}: up while it runs or rebalances (counts are then briefly
 * unreadable, and queries answer 503), down once it has failed or stopped.
 */
@Component("streams")
class StreamsHealthIndicator implements HealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	StreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	@Override
	public Health health() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			return Health.down().withDetail("state", "NOT_STARTED").build();
		}
		KafkaStreams.State state = kafkaStreams.state();
		Health.Builder health = (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING)
				? Health.up() : Health.down();
		return health.withDetail("state", state.name()).build();
	}

}
