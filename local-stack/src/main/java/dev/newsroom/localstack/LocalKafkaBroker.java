package dev.newsroom.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in KRaft mode, one node acting as both broker and
 * controller, running in this JVM. Its data directory is formatted on first start and
 * kept afterwards, so that topics and records survive a restart. Internal topics are
 * created with one replica, the most one node can hold.
 */
final class LocalKafkaBroker implements AutoCloseable {

	static final String CONTROLLER_LISTENER = "CONTROLLER";

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private LocalKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Formats the data directory if it is new, then starts the broker.
	 * @param dataDir where the broker keeps its logs and metadata
	 * @param port the client port
	 * @param controllerPort the controller port
	 * @return the running broker
	 * @throws IOException if the data directory cannot be prepared
	 */
	static LocalKafkaBroker start(Path dataDir, int port, int controllerPort) throws IOException {
		Path logDir = dataDir.toAbsolutePath().resolve("data");
		Files.createDirectories(logDir);
		Properties config = config(logDir, port, controllerPort);
		if (!Files.exists(logDir.resolve("meta.properties"))) {
			format(logDir);
		}
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
		server.startup();
		return new LocalKafkaBroker(server, "localhost:" + port);
	}

	static Properties config(Path logDir, int port, int controllerPort) {
		Properties config = new Properties();
		config.put("process.roles", "broker,controller");
		config.put("node.id", "1");
		config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
		config.put("listeners",
				"PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
		config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
		config.put("controller.listener.names", CONTROLLER_LISTENER);
		config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		config.put("inter.broker.listener.name", "PLAINTEXT");
		config.put("log.dirs", logDir.toString());
		config.put("num.partitions", "1");
		config.put("default.replication.factor", "1");
		config.put("offsets.topic.replication.factor", "1");
		config.put("transaction.state.log.replication.factor", "1");
		config.put("transaction.state.log.min.isr", "1");
		config.put("share.coordinator.state.topic.replication.factor", "1");
		config.put("share.coordinator.state.topic.min.isr", "1");
		config.put("min.insync.replicas", "1");
		config.put("group.initial.rebalance.delay.ms", "0");
		config.put("auto.create.topics.enable", "false");
		return config;
	}

	private static void format(Path logDir) throws IOException {
		try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)) {
			new Formatter().setPrintStream(quiet)
				.setNodeId(1)
				.setClusterId(Uuid.randomUuid().toString())
				.setDirectories(List.of(logDir.toString()))
				.setMetadataLogDirectory(logDir.toString())
				.setControllerListenerName(CONTROLLER_LISTENER)
				.setReleaseVersion(MetadataVersion.latestProduction())
				.setSupportedFeatures(Feature.PRODUCTION_FEATURES)
				.run();
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IOException("Could not format Kafka's data directory " + logDir + ": " + ex.getMessage(), ex);
		}
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

}
