package dev.newsroom.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The local stack's broker is a real KRaft broker that keeps its data across restarts and
 * runs transactions on a single node.
 */
class LocalKafkaBrokerIT {

	@TempDir
	Path home;

	@Test
	void recordsSurviveARestartOfTheBroker() throws Exception {
		int port = freePort();
		int controllerPort = freePort();
		try (LocalKafkaBroker broker = LocalKafkaBroker.start(this.home, port, controllerPort)) {
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
				admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
			}
			Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					broker.bootstrapServers(), ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-stack-it");
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
					new StringSerializer())) {
				producer.initTransactions();
				producer.beginTransaction();
				producer.send(new ProducerRecord<>("kept", "article-1", "published"));
				producer.commitTransaction();
			}
		}

		try (LocalKafkaBroker restarted = LocalKafkaBroker.start(this.home, port, controllerPort)) {
			Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
					restarted.bootstrapServers(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
					new StringDeserializer())) {
				TopicPartition partition = new TopicPartition("kept", 0);
				consumer.assign(List.of(partition));
				consumer.seekToBeginning(List.of(partition));
				List<ConsumerRecord<String, String>> records = new ArrayList<>();
				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
					consumer.poll(Duration.ofMillis(200)).forEach(records::add);
					assertThat(records).extracting(ConsumerRecord::value).containsExactly("published");
				});
			}
		}
	}

	@Test
	void aDamagedMetaPropertiesFileIsReportedWithHowToRecoverAndNothingIsDeleted() throws Exception {
		int port = freePort();
		int controllerPort = freePort();
		try (LocalKafkaBroker broker = LocalKafkaBroker.start(this.home, port, controllerPort)) {
			assertThat(broker.bootstrapServers()).endsWith(":" + port);
		}
		Path meta = this.home.resolve("data").resolve("meta.properties");
		Files.writeString(meta, "\u0000\u0000 not a properties file");
		List<Path> before = filesUnder(this.home);

		assertThatExceptionOfType(LocalKafkaBroker.DamagedDataException.class)
			.isThrownBy(() -> LocalKafkaBroker.start(this.home, port, controllerPort))
			.withMessageStartingWith("Kafka could not start from its data in " + this.home.toAbsolutePath() + ": ")
			.withMessageContaining("Nothing was deleted.")
			.withMessageEndingWith("mv " + this.home.toAbsolutePath() + " " + this.home.toAbsolutePath() + ".damaged");
		assertThat(filesUnder(this.home)).containsAll(before);
		assertThat(Files.readString(meta)).endsWith("not a properties file");
	}

	@Test
	void dataWithoutMetaPropertiesIsNeverFormattedOver() throws Exception {
		int port = freePort();
		int controllerPort = freePort();
		try (LocalKafkaBroker broker = LocalKafkaBroker.start(this.home, port, controllerPort)) {
			assertThat(broker.bootstrapServers()).endsWith(":" + port);
		}
		Path meta = this.home.resolve("data").resolve("meta.properties");
		Files.delete(meta);
		List<Path> before = filesUnder(this.home);

		assertThatExceptionOfType(LocalKafkaBroker.DamagedDataException.class)
			.isThrownBy(() -> LocalKafkaBroker.start(this.home, port, controllerPort))
			.withMessageContaining("it holds data but no meta.properties. Nothing was deleted.");
		assertThat(filesUnder(this.home)).containsExactlyInAnyOrderElementsOf(before);
	}

	private static List<Path> filesUnder(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
