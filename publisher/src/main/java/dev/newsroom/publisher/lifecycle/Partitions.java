package dev.newsroom.publisher.lifecycle;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;

/**
 * Where a key's records go: the same partition Kafka's default partitioner chooses, so
 * that an article's command, events and remembered requests share one partition number,
 * and so one writer.
 */
public final class Partitions {

	private Partitions() {
	}

	/**
	 * @param key a record key
	 * @param count the topic's number of partitions
	 * @return the partition of the key
	 */
	public static int of(String key, int count) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % count;
	}

}
