package dev.newsroom.viewcounter.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.view.ArticleViewCount;
import dev.newsroom.events.view.PageView;
import dev.newsroom.events.view.TrendingArticles;
import dev.newsroom.schemas.serde.SpecificAvroSerde;
import dev.newsroom.support.kafka.DeadLetters;
import dev.newsroom.support.kafka.DeclaredTopics;
import dev.newsroom.support.kafka.TransientFailures;
import dev.newsroom.viewcounter.counting.DropReason;
import dev.newsroom.viewcounter.counting.ViewCountTopology;
import dev.newsroom.viewcounter.counting.ViewDrops;
import dev.newsroom.viewcounter.counting.ViewRules;

/**
 * The streams application: its topics, its serdes (configured from
 * {@code spring.kafka.streams.*} and {@code spring.kafka.properties.*}), the counting
 * topology, and the dead-letter topic where page views that cannot be read go while the
 * application carries on.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StreamsConfiguration.class);

	private static final Duration THREAD_REPLACEMENT_PAUSE = Duration.ofSeconds(2);

	/**
	 * The view counter's topics, and the publisher's catalogue topic, which it reads but
	 * does not own. That one is declared here too, from the same declaration, only so
	 * that a view counter started before any publisher has it to read. Made when the
	 * admin asks for it, after every other bean: it asks the brokers, and a configuration
	 * error should be reported before that.
	 */
	@Bean
	@Lazy
	KafkaAdmin.NewTopics viewCounterTopics(ViewCounterProperties properties, KafkaAdmin admin) {
		return DeclaredTopics.newTopics(admin, properties.pageViews(), properties.viewCounts(), properties.articles(),
				properties.trending(), properties.deadLetters());
	}

	@Bean
	KTable<String, ArticleViewCount> viewCounts(StreamsBuilder builder, KafkaStreamsConfiguration streamsConfig,
			ViewCounterProperties properties, ViewDrops drops) {
		return ViewCountTopology.build(builder,
				new ViewCountTopology.Topics(properties.pageViews().name(), properties.articles().name(),
						properties.viewCounts().name(), properties.trending().name()),
				new ViewCountTopology.ValueSerdes(serde(PageView.class, streamsConfig),
						serde(ArticleEvent.class, streamsConfig), serde(ArticleViewCount.class, streamsConfig),
						serde(TrendingArticles.class, streamsConfig)),
				new ViewRules(properties.visitWindow(), properties.retryWindow(), properties.trendingGrace()), drops);
	}

	/**
	 * Counts every page-view record the topology does not count, by reason, as
	 * {@code newsroom.views.dropped}, and every view it counts, as
	 * {@code newsroom.views.counted}.
	 */
	@Bean
	ViewDrops viewDrops(MeterRegistry meters) {
		Map<DropReason, Counter> counters = new EnumMap<>(DropReason.class);
		for (DropReason reason : DropReason.values()) {
			counters.put(reason,
					Counter.builder("newsroom.views.dropped")
						.description("Page-view records not counted as views, by the rule they failed")
						.tag("reason", reason.tag())
						.register(meters));
		}
		Counter counted = Counter.builder("newsroom.views.counted")
			.description("Page views counted (a rate to watch; the counts topic holds the exact counts)")
			.register(meters);
		return new ViewDrops() {

			@Override
			public void dropped(DropReason reason, String articleId) {
				counters.get(reason).increment();
			}

			@Override
			public void counted(String articleId) {
				counted.increment();
			}

		};
	}

	@Bean
	DeadLetterPublishingRecoverer pageViewDeadLetters(ProducerFactory<?, ?> producerFactory,
			ViewCounterProperties properties) {
		return DeadLetters.recoverer(properties.deadLetters().name(), producerFactory, null);
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer streamsLifecycleAndDeadLetters(DeadLetterPublishingRecoverer recoverer) {
		return (factoryBean) -> {
			// Leave the group on shutdown, so that a restarted instance gets its
			// partitions at
			// once instead of after the old member's session times out.
			factoryBean.setLeaveGroupOnClose(true);
			factoryBean.setStreamsUncaughtExceptionHandler(StreamsConfiguration::replaceThreadIfTransient);
			Properties streams = factoryBean.getStreamsConfiguration();
			if (streams != null) {
				streams.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, recoverer);
				factoryBean.setStreamsConfiguration(streams);
			}
		};
	}

	/**
	 * Replaces a stream thread that failed for a transient reason (after a pause, so that
	 * an outage is not a busy loop), and shuts the application down for anything else.
	 */
	static StreamThreadExceptionResponse replaceThreadIfTransient(Throwable failure) {
		if (!TransientFailures.isTransient(failure)) {
			logger.error("Stopping the view counter's streams: unexpected failure", failure);
			return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
		}
		logger.warn("Stream thread failed for a transient reason, replacing it in {}: {}", THREAD_REPLACEMENT_PAUSE,
				failure.getMessage());
		try {
			Thread.sleep(THREAD_REPLACEMENT_PAUSE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return StreamThreadExceptionResponse.REPLACE_THREAD;
	}

	private static <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type,
			KafkaStreamsConfiguration streamsConfig) {
		SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
		Map<String, Object> config = new HashMap<>();
		streamsConfig.asProperties().forEach((key, value) -> config.put(key.toString(), value));
		serde.configure(config, false);
		return serde;
	}

}
