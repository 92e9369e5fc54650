package dev.newsroom.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
