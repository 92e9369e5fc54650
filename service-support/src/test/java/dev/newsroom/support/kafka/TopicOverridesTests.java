package dev.newsroom.support.kafka;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.newsroom.schemas.TopicDeclaration;
import dev.newsroom.schemas.Topics;

import static org.assertj.core.api.Assertions.assertThat;

class TopicOverridesTests {

	private final TopicDeclaration pageViews = Topics.declaration(Topics.PAGE_VIEWS);

	@Test
	void withNothingConfiguredTheTopicIsAsDeclared() {
		assertThat(bind(Map.of("unrelated", "x")).applyTo(this.pageViews)).isEqualTo(this.pageViews);
	}

	@Test
	void whatIsConfiguredChangesOnlyThat() {
		TopicOverrides overrides = bind(Map.of("topic.name", "staging.page-views", "topic.partitions", "12",
				"topic.min-insync-replicas", "3", "topic.configs.retention.ms", "86400000"));
		TopicDeclaration topic = overrides.applyTo(this.pageViews);
		assertThat(topic.name()).isEqualTo("staging.page-views");
		assertThat(topic.partitions()).isEqualTo(12);
		assertThat(topic.minInsyncReplicas()).isEqualTo(3);
		assertThat(topic.configs()).containsExactlyEntriesOf(Map.of("retention.ms", "86400000"));
		assertThat(topic.cleanup()).isEqualTo(this.pageViews.cleanup());
		assertThat(topic.value()).isEqualTo(this.pageViews.value());
		assertThat(topic.writer()).isEqualTo(this.pageViews.writer());
	}

	private static TopicOverrides bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("topic",
				Bindable.of(TopicOverrides.class));
	}

}
