package dev.newsroom.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker (KRaft, one node) in this JVM whose client listener takes only
 * SASL/SCRAM-SHA-512 over TLS, with a certificate for {@code localhost} made for it by
 * the JDK's {@code keytool}: what a production cluster asks of Newsroom's services. A
 * second, plaintext listener on localhost is the broker's own (between its parts, and for
 * setting up users); services are pointed at {@link #bootstrapServers()}.
 */
public final class SecuredKafka implements AutoCloseable {

	/** The user the broker knows, and its password. */
	public static final String USER = "newsroom";

	private static final String STORE_PASSWORD = "changeit";

	private final Path folder;

	private final KafkaRaftServer server;

	private final int securedPort;

	private final int expiredPort;

	private final int internalPort;

	private final String password;

	private SecuredKafka(Path folder, KafkaRaftServer server, int securedPort, int expiredPort, int internalPort,
			String password) {
		this.folder = folder;
		this.server = server;
		this.securedPort = securedPort;
		this.expiredPort = expiredPort;
		this.internalPort = internalPort;
		this.password = password;
	}

	/**
	 * Makes the certificates, formats and starts the broker, and gives it the user
	 * {@link #USER}.
	 * @return the running broker
	 * @throws Exception if it cannot start
	 */
	public static SecuredKafka start() throws Exception {
		Path folder = Files.createTempDirectory("newsroom-secured-kafka");
		keytool(folder, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", "broker.p12",
				"-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
		keytool(folder, "-exportcert", "-alias", "broker", "-keystore", "broker.p12", "-storepass", STORE_PASSWORD,
				"-rfc", "-file", "broker.crt");
		keytool(folder, "-importcert", "-noprompt", "-alias", "broker", "-file", "broker.crt", "-keystore",
				"trusted.p12", "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
		// A trust store that knows another certificate only: the broker's is not in it.
		keytool(folder, "-genkeypair", "-alias", "stranger", "-keyalg", "RSA", "-keysize", "2048", "-dname",
				"CN=stranger", "-validity", "2", "-keystore", "stranger.p12", "-storetype", "PKCS12", "-storepass",
				STORE_PASSWORD, "-keypass", STORE_PASSWORD);
		keytool(folder, "-exportcert", "-alias", "stranger", "-keystore", "stranger.p12", "-storepass", STORE_PASSWORD,
				"-rfc", "-file", "stranger.crt");
		keytool(folder, "-importcert", "-noprompt", "-alias", "stranger", "-file", "stranger.crt", "-keystore",
				"untrusted.p12", "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
		// A certificate authority the clients trust, and a broker certificate it signed
		// that expired two days ago, for a listener of its own.
		keytool(folder, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname",
				"CN=Newsroom test CA", "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12", "-storetype", "PKCS12",
				"-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
		keytool(folder, "-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", STORE_PASSWORD, "-rfc",
				"-file", "ca.crt");
		keytool(folder, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", "ca-trusted.p12",
				"-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
		keytool(folder, "-genkeypair", "-alias", "expired", "-keyalg", "RSA", "-keysize", "2048", "-dname",
				"CN=localhost", "-validity", "2", "-keystore", "expired.p12", "-storetype", "PKCS12", "-storepass",
				STORE_PASSWORD, "-keypass", STORE_PASSWORD);
		keytool(folder, "-certreq", "-alias", "expired", "-keystore", "expired.p12", "-storepass", STORE_PASSWORD,
				"-file", "expired.csr");
		keytool(folder, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", STORE_PASSWORD, "-infile",
				"expired.csr", "-outfile", "expired.crt", "-rfc", "-startdate", "-3d", "-validity", "1", "-ext",
				"SAN=dns:localhost,ip:127.0.0.1");
		keytool(folder, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", "expired.p12",
				"-storepass", STORE_PASSWORD);
		keytool(folder, "-importcert", "-alias", "expired", "-file", "expired.crt", "-keystore", "expired.p12",
				"-storepass", STORE_PASSWORD);

		int securedPort = freePort();
		int expiredPort = freePort();
		int internalPort = freePort();
		int controllerPort = freePort();
		Path logDir = folder.resolve("data");
		Files.createDirectories(logDir);
		format(logDir);
		Properties config = new Properties();
		config.put("process.roles", "broker,controller");
		config.put("node.id", "1");
		config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
		config.put("listeners", "SECURED://localhost:" + securedPort + ",EXPIRED://localhost:" + expiredPort
				+ ",INTERNAL://localhost:" + internalPort + ",CONTROLLER://localhost:" + controllerPort);
		config.put("advertised.listeners", "SECURED://localhost:" + securedPort + ",EXPIRED://localhost:" + expiredPort
				+ ",INTERNAL://localhost:" + internalPort);
		config.put("listener.security.protocol.map",
				"SECURED:SASL_SSL,EXPIRED:SASL_SSL,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
		config.put("controller.listener.names", "CONTROLLER");
		config.put("inter.broker.listener.name", "INTERNAL");
		saslSsl(config, "secured", folder.resolve("broker.p12"));
		saslSsl(config, "expired", folder.resolve("expired.p12"));
		config.put("log.dirs", logDir.toString());
		// One node: the internal topics get the one replica it can hold.
		config.put("offsets.topic.replication.factor", "1");
		config.put("transaction.state.log.replication.factor", "1");
		config.put("transaction.state.log.min.isr", "1");
		config.put("group.initial.rebalance.delay.ms", "0");
		config.put("auto.create.topics.enable", "false");
		// The cleaner's default 128 MB buffer would sit in the test JVM's heap.
		config.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
		server.startup();
		String password = Uuid.randomUuid().toString();
		SecuredKafka kafka = new SecuredKafka(folder, server, securedPort, expiredPort, internalPort, password);
		try (Admin admin = kafka.internalAdmin()) {
			admin
				.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
						new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		return kafka;
	}

	/**
	 * @return the secured listener: SASL_SSL, SCRAM-SHA-512
	 */
	public String bootstrapServers() {
		return "localhost:" + this.securedPort;
	}

	/**
	 * @return {@link #USER}'s password
	 */
	public String password() {
		return this.password;
	}

	/**
	 * The settings a Spring Boot service connects with, as standard
	 * {@code spring.kafka.*} keys and nothing else.
	 * @param password the password to sign in with: {@link #password()}, or a wrong one
	 * @param trusting whether the trust store holds the broker's certificate, or only
	 * another one
	 * @return the settings, by key
	 */
	public Map<String, String> clientSettings(String password, boolean trusting) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("spring.kafka.bootstrap-servers", bootstrapServers());
		settings.put("spring.kafka.security.protocol", "SASL_SSL");
		settings.put("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512");
		settings.put("spring.kafka.properties.sasl.jaas.config", jaasConfig(password));
		settings.put("spring.kafka.ssl.trust-store-location",
				this.folder.resolve(trusting ? "trusted.p12" : "untrusted.p12").toUri().toString());
		settings.put("spring.kafka.ssl.trust-store-password", STORE_PASSWORD);
		settings.put("spring.kafka.ssl.trust-store-type", "PKCS12");
		return settings;
	}

	/**
	 * Settings like {@link #clientSettings(String, boolean) clientSettings(password(),
	 * true)}, for a listener whose certificate expired two days ago, signed by a
	 * certificate authority that the trust store holds.
	 * @return the settings, by key
	 */
	public Map<String, String> expiredCertificateSettings() {
		Map<String, String> settings = clientSettings(this.password, true);
		settings.put("spring.kafka.bootstrap-servers", "localhost:" + this.expiredPort);
		settings.put("spring.kafka.ssl.trust-store-location", this.folder.resolve("ca-trusted.p12").toUri().toString());
		return settings;
	}

	/**
	 * @return the settings of a plain Kafka client connecting as {@link #USER}, trusting
	 * the broker's certificate
	 */
	public Map<String, Object> clientConfig() {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("bootstrap.servers", bootstrapServers());
		config.put("security.protocol", "SASL_SSL");
		config.put("sasl.mechanism", "SCRAM-SHA-512");
		config.put("sasl.jaas.config", jaasConfig(this.password));
		config.put("ssl.truststore.location", this.folder.resolve("trusted.p12").toString());
		config.put("ssl.truststore.password", STORE_PASSWORD);
		config.put("ssl.truststore.type", "PKCS12");
		return config;
	}

	/**
	 * @param settings {@link #clientSettings}
	 * @return them as {@code --key=value} arguments of a Spring Boot application
	 */
	public static String[] asArguments(Map<String, String> settings) {
		List<String> arguments = new ArrayList<>();
		settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		return arguments.toArray(String[]::new);
	}

	/**
	 * @return an admin client on the broker's own plaintext listener
	 */
	public Admin internalAdmin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + this.internalPort));
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

	/** A listener that takes SASL/SCRAM-SHA-512 over TLS, presenting a key store. */
	private static void saslSsl(Properties config, String listener, Path keyStore) {
		String prefix = "listener.name." + listener + ".";
		config.put(prefix + "sasl.enabled.mechanisms", "SCRAM-SHA-512");
		config.put(prefix + "scram-sha-512.sasl.jaas.config",
				"org.apache.kafka.common.security.scram.ScramLoginModule required;");
		config.put(prefix + "ssl.keystore.location", keyStore.toString());
		config.put(prefix + "ssl.keystore.type", "PKCS12");
		config.put(prefix + "ssl.keystore.password", STORE_PASSWORD);
		config.put(prefix + "ssl.key.password", STORE_PASSWORD);
	}

	private static String jaasConfig(String password) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + USER + "\" password=\""
				+ password + "\";";
	}

	private static void format(Path logDir) throws Exception {
		try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)) {
			new Formatter().setPrintStream(quiet)
				.setNodeId(1)
				.setClusterId(Uuid.randomUuid().toString())
				.setDirectories(List.of(logDir.toString()))
				.setMetadataLogDirectory(logDir.toString())
				.setControllerListenerName("CONTROLLER")
				.setReleaseVersion(MetadataVersion.latestProduction())
				.setSupportedFeatures(Feature.PRODUCTION_FEATURES)
				.run();
		}
	}

	private static void keytool(Path folder, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
