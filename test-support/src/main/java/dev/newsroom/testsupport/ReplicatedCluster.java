package dev.newsroom.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka cluster in this JVM (KRaft: three brokers and one controller) set up as a
 * production cluster is: replication factor 3 and {@code min.insync.replicas} 2, for the
 * consumer offsets and transaction state topics too, and no topic created by accident.
 */
public final class ReplicatedCluster {

	private ReplicatedCluster() {
	}

	/**
	 * Formats and starts a cluster, and waits for its brokers.
	 * @param settings broker settings added to, or replacing, the production-like ones
	 * @return the running cluster; close it when done
	 * @throws Exception if it does not start
	 */
	public static KafkaClusterTestKit start(Map<String, String> settings) throws Exception {
		// On shared memory where there is some: the metadata log is flushed on every
		// write, which a slow disk turns into seconds.
		Path shm = Path.of("/dev/shm");
		TestKitNodes.Builder nodes = new TestKitNodes.Builder().setCombined(false)
			.setNumControllerNodes(1)
			.setNumBrokerNodes(3);
		if (Files.isDirectory(shm) && Files.isWritable(shm)) {
			nodes.setBaseDirectory(Files.createTempDirectory(shm, "newsroom-cluster"));
		}
		KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes.build());
		Map<String, String> all = new LinkedHashMap<>(Map.of("default.replication.factor", "3", "min.insync.replicas",
				"2", "offsets.topic.replication.factor", "3", "transaction.state.log.replication.factor", "3",
				"transaction.state.log.min.isr", "2", "auto.create.topics.enable", "false",
				"group.initial.rebalance.delay.ms", "0"));
		all.putAll(settings);
		all.forEach(builder::setConfigProp);
		KafkaClusterTestKit cluster = builder.build();
		cluster.format();
		cluster.startup();
		cluster.waitForReadyBrokers();
		return cluster;
	}

}
