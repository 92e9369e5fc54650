package dev.newsroom.notifier.ledger;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of the ledger holds a channel's deliveries: every delivery of one
 * channel is in one partition, so that the one instance that owns the partition works
 * through that channel alone, at the channel's pace and in order. Kafka's own murmur2
 * hash, over the channel name rather than the record key.
 */
public final class LedgerPartitions {

	private LedgerPartitions() {
	}

	/**
	 * @param channel the channel name
	 * @param partitions the ledger topic's partition count
	 * @return the partition
	 */
	public static int of(String channel, int partitions) {
		return Utils.toPositive(Utils.murmur2(channel.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

}
