package dev.newsroom.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

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
			if (holdsData(logDir)) {
				throw new DamagedDataException(dataDir, "it holds data but no meta.properties");
			}
			format(logDir);
		}
		KafkaRaftServer server;
		try {
			server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
			server.startup();
		}
		catch (RuntimeException ex) {
			throw new DamagedDataException(dataDir, ex.getMessage());
		}
		return new LocalKafkaBroker(server, "localhost:" + port);
	}

	private static boolean holdsData(Path logDir) throws IOException {
		try (Stream<Path> files = Files.list(logDir)) {
			return files.findAny().isPresent();
		}
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
		// Sized for one machine's local traffic rather than a production node: the
		// cleaner's 128 MB default dedupe buffer alone would be most of this heap.
		config.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
		config.put("log.cleaner.threads", "1");
		config.put("num.network.threads", "2");
		config.put("num.io.threads", "2");
		config.put("background.threads", "2");
		config.put("num.recovery.threads.per.data.dir", "1");
		config.put("num.replica.fetchers", "1");
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

	/**
	 * Kafka cannot start from its data folder. Nothing is deleted: the message says how
	 * to keep the data or to start over.
	 */
	static final class DamagedDataException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		DamagedDataException(Path dataDir, String cause) {
			super("Kafka could not start from its data in " + dataDir.toAbsolutePath() + ": " + cause
					+ ". Nothing was deleted. If another program uses that folder, stop it and start again. To keep "
					+ "the data, restore the folder from a backup. To start over with an empty broker, which loses "
					+ "every article, view and delivery kept there, move the folder aside: mv "
					+ dataDir.toAbsolutePath() + " " + dataDir.toAbsolutePath() + ".damaged");
		}

	}

}
