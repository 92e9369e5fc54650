package dev.newsroom.schemas.confluent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import dev.newsroom.events.view.PageView;
import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.schemas.registry.RegisteredSchema;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryException;
import dev.newsroom.schemas.serde.AvroSerdeConfig;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;
import dev.newsroom.schemas.serde.SpecificAvroSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The client and serdes against Confluent's own schema registry image, the one
 * {@code docker-compose.yml} runs, on Apache Kafka's image: proof that Newsroom speaks
 * Confluent's API and wire format, not only its own registry's. Runs on hosts with
 * Docker; skipped elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentSchemaRegistryIT {

	private static final Network network = Network.newNetwork();

	@Container
	private static final KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"))
		.withNetwork(network)
		.withListener("kafka:19092");

	@Container
	private static final GenericContainer<?> confluent = new GenericContainer<>(
			DockerImageName.parse("confluentinc/cp-schema-registry:8.1.0"))
		.withNetwork(network)
		.withExposedPorts(8081)
		.withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
		.withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
		.withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
		.withEnv("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1")
		.dependsOn(kafka)
		.waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));

	private static String registryUrl() {
		return "http://" + confluent.getHost() + ":" + confluent.getMappedPort(8081);
	}

	@Test
	void clientRegistersLooksUpAndFetchesByIdAsWithNewsroomsRegistry() {
		SchemaRegistryClient client = new HttpSchemaRegistryClient(registryUrl());
		int id = client.register("confluent-it-value", PageView.getClassSchema());

		assertThat(client.register("confluent-it-value", PageView.getClassSchema())).isEqualTo(id);
		RegisteredSchema found = client.lookup("confluent-it-value", PageView.getClassSchema());
		assertThat(found.id()).isEqualTo(id);
		assertThat(found.version()).isEqualTo(1);
		assertThat(new HttpSchemaRegistryClient(registryUrl()).getById(id).getFullName())
			.isEqualTo(PageView.getClassSchema().getFullName());
		assertThat(client.getLatest("confluent-it-value").id()).isEqualTo(id);
	}

	@Test
	void incompatibleSchemaIsRefusedWithConfluentsErrorCode() {
		SchemaRegistryClient client = new HttpSchemaRegistryClient(registryUrl());
		client.register("confluent-it-probe-value",
				SchemaBuilder.record("Probe").fields().requiredString("a").endRecord());
		Schema addsRequired = SchemaBuilder.record("Probe").fields().requiredString("a").requiredLong("b").endRecord();

		assertThat(client.isCompatible("confluent-it-probe-value", addsRequired)).isFalse();
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> client.register("confluent-it-probe-value", addsRequired))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(409));
		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> client.getById(987_654))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
	}

	@Test
	void serdesRoundTripThroughKafkaWithConfluentsRegistry() throws Exception {
		String topic = "confluent-it-page-views";
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
				AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.GROUP_ID_CONFIG, "confluent-it");
		PageView view = PageView.newBuilder()
			.setViewId("v-1")
			.setArticleId("a-1")
			.setVisitorId("visitor")
			.setViewedAt(java.time.Instant.ofEpochMilli(1_700_000_000_000L))
			.build();
		SpecificAvroSerializer<PageView> serializer = new SpecificAvroSerializer<>();
		serializer.configure(config, false);
		try (KafkaProducer<String, PageView> producer = new KafkaProducer<>(config, new StringSerializer(),
				serializer)) {
			producer.send(new ProducerRecord<>(topic, "a-1", view)).get();
		}
		SpecificAvroDeserializer<PageView> deserializer = new SpecificAvroDeserializer<>(PageView.class);
		deserializer.configure(config, false);
		List<ConsumerRecord<String, PageView>> read = new ArrayList<>();
		try (KafkaConsumer<String, PageView> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				deserializer)) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(read::add);
				assertThat(read).isNotEmpty();
			});
		}
		assertThat(read.get(0).value()).isEqualTo(view);
		byte[] unknownId = { 0, 0x7f, 0, 0, 1, 2 };
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer.deserialize(topic, unknownId))
			.withMessageContaining("does not know schema id");
	}

}
