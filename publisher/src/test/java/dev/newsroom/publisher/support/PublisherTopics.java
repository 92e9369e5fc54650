package dev.newsroom.publisher.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import dev.newsroom.publisher.PublisherProperties;
import dev.newsroom.schemas.Topics;
import dev.newsroom.testsupport.EmbeddedStack;
import dev.newsroom.testsupport.TopicRecords;

/**
 * The end offsets of topics of the embedded broker, to show that a refused request wrote
 * nothing anywhere.
 */
public final class PublisherTopics {

	/** Every topic the publisher writes, with its default names. */
	public static final List<String> ALL = List.of(Topics.ARTICLES, Topics.ARTICLE_CHANGES,
			PublisherProperties.Topics.COMMANDS.name(), PublisherProperties.Topics.REQUESTS.name(),
			PublisherProperties.Topics.REPLIES.name());

	private PublisherTopics() {
	}

	/**
	 * @param topics topic names
	 * @return the end offset of every partition of the topics
	 */
	public static Map<TopicPartition, Long> endOffsets(List<String> topics) {
		return TopicRecords.endOffsets(topics);
	}

}
