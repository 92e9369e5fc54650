package dev.newsroom.schemas;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.schemas.TopicDeclaration.Cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicDeclarationTests {

	private final TopicDeclaration deliveries = Topics.declaration(Topics.DELIVERIES);

	@Test
	void minInsyncReplicasIsAsDeclaredWhereOneBrokerCanBeDownAndLowerElsewhere() {
		assertThat(this.deliveries.minInsyncReplicas()).isEqualTo(2);
		assertThat(this.deliveries.effectiveMinInsyncReplicas(1)).isEqualTo(1);
		assertThat(this.deliveries.effectiveMinInsyncReplicas(2)).isEqualTo(1);
		assertThat(this.deliveries.effectiveMinInsyncReplicas(3)).isEqualTo(2);
		assertThat(this.deliveries.effectiveMinInsyncReplicas(5)).isEqualTo(2);
		assertThat(this.deliveries.withMinInsyncReplicas(3).effectiveMinInsyncReplicas(5)).isEqualTo(3);
	}

	@Test
	void theTopicToCreateHasEverySettingOfTheDeclaration() {
		NewTopic topic = this.deliveries.newTopic(3);
		assertThat(topic.name()).isEqualTo("newsroom.deliveries");
		assertThat(topic.numPartitions()).isEqualTo(6);
		assertThat(topic.replicationFactor()).isEqualTo((short) 3);
		assertThat(topic.configs()).containsExactlyInAnyOrderEntriesOf(
				Map.of("cleanup.policy", "compact", "min.insync.replicas", "2", "min.compaction.lag.ms", "604800000"));
	}

	@Test
	void aDeploymentsChangesKeepTheRestOfTheDeclaration() {
		TopicDeclaration changed = this.deliveries.named("staging.deliveries")
			.withPartitions(12)
			.withConfigs(Map.of("segment.ms", "3600000"));
		assertThat(changed).isEqualTo(
				new TopicDeclaration("staging.deliveries", "delivery id", this.deliveries.value(), Cleanup.COMPACT, 12,
						2, "notifier", Map.of("min.compaction.lag.ms", "604800000", "segment.ms", "3600000")));
	}

	@Test
	void cleanupAndMinInsyncReplicasAreNotHiddenAmongTheOtherSettings() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TopicDeclaration("t", "id", ArticleEvent.class, Cleanup.DELETE, 1, 1, "publisher",
					Map.of("cleanup.policy", "compact")))
			.withMessageContaining("declare them as its cleanup and minInsyncReplicas instead");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new TopicDeclaration("t", "id", ArticleEvent.class, Cleanup.DELETE, 0, 1, "publisher", Map.of()))
			.withMessageContaining("needs at least one partition");
	}

	@Test
	void anUnknownTopicIsRefusedWithTheNamesOfTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.declaration("newsroom.article"))
			.withMessageContaining("No public topic is named newsroom.article")
			.withMessageContaining(Topics.ARTICLES);
	}

}
