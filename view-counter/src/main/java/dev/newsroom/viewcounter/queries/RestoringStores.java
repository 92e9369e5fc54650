package dev.newsroom.viewcounter.queries;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Which store partitions this instance is still restoring from their changelogs: a count
 * read from one of them could be behind, so queries answer 503 for it instead. Kafka
 * Streams calls this from its restoring threads.
 */
final class RestoringStores implements StateRestoreListener {

	private final Set<String> restoring = ConcurrentHashMap.newKeySet();

	@Override
	public void onRestoreStart(TopicPartition changelog, String store, long startingOffset, long endingOffset) {
		this.restoring.add(key(store, changelog.partition()));
	}

	@Override
	public void onBatchRestored(TopicPartition changelog, String store, long batchEndOffset, long restored) {
	}

	@Override
	public void onRestoreEnd(TopicPartition changelog, String store, long totalRestored) {
		this.restoring.remove(key(store, changelog.partition()));
	}

	@Override
	public void onRestoreSuspended(TopicPartition changelog, String store, long totalRestored) {
		this.restoring.remove(key(store, changelog.partition()));
	}

	/**
	 * @param store a store name
	 * @param partition one of its partitions
	 * @return whether this instance is restoring it now
	 */
	boolean isRestoring(String store, int partition) {
		return this.restoring.contains(key(store, partition));
	}

	private static String key(String store, int partition) {
		return store + "-" + partition;
	}

}
