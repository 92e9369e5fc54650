package dev.newsroom.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.Author;
import dev.newsroom.events.article.Image;
import dev.newsroom.events.notification.DeliveryStatus;
import dev.newsroom.events.notification.NotificationDelivery;
import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.testsupport.EmbeddedStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The serdes against a real broker and Newsroom's real registry.
 */
class SpecificAvroSerdeIT {

	private final SchemaRegistryClient registry = new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl(),
			EmbeddedStack.registryUserInfo());

	private final Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
			EmbeddedStack.schemaRegistryUrl());

	@Test
	void articleEventRoundTripsThroughKafkaInConfluentWireFormat() throws Exception {
		String topic = "serde-it-articles";
		EmbeddedStack.createTopics(topic);
		ArticleEvent event = sampleEvent();
		RecordMetadata sent;
		try (KafkaProducer<String, ArticleEvent> producer = new KafkaProducer<>(producerConfig(),
				new StringSerializer(), serializer(true))) {
			sent = producer.send(new ProducerRecord<>(topic, event.getArticle().getId(), event)).get();
		}

		List<ConsumerRecord<String, byte[]>> raw = consume(topic, sent, new ByteArrayDeserializer());
		byte[] bytes = raw.get(0).value();
		int registeredId = this.registry.lookup(topic + "-value", ArticleEvent.getClassSchema()).id();
		assertThat(bytes[0]).as("magic byte").isZero();
		assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).as("schema id").isEqualTo(registeredId);

		List<ConsumerRecord<String, ArticleEvent>> read = consume(topic, sent,
				new SpecificAvroDeserializer<>(ArticleEvent.class, this.registry));
		assertThat(read.get(0).value()).isEqualTo(event);
	}

	@Test
	void recordWrittenWithAnOlderSchemaIsReadWithTheNewFieldsDefaults() throws Exception {
		String topic = "serde-it-older-writer";
		Schema older = SchemaBuilder.record("NotificationDelivery")
			.namespace("dev.newsroom.events.notification")
			.fields()
			.requiredString("deliveryId")
			.requiredString("articleId")
			.requiredLong("articleVersion")
			.requiredString("eventId")
			.requiredString("channel")
			.requiredString("target")
			.name("status")
			.type(DeliveryStatus.getClassSchema())
			.noDefault()
			.requiredInt("attempt")
			.name("occurredAt")
			.type(NotificationDelivery.getClassSchema().getField("occurredAt").schema())
			.noDefault()
			.endRecord();
		int id = this.registry.register(topic + "-value", older);
		GenericRecord record = new GenericData.Record(older);
		record.put("deliveryId", "d-1");
		record.put("articleId", "a-1");
		record.put("articleVersion", 3L);
		record.put("eventId", "e-1");
		record.put("channel", "telegram");
		record.put("target", "@newsroom");
		record.put("status", new GenericData.EnumSymbol(DeliveryStatus.getClassSchema(), "DELIVERED"));
		record.put("attempt", 1);
		record.put("occurredAt", 1_700_000_000_000L);

		NotificationDelivery read = new SpecificAvroDeserializer<>(NotificationDelivery.class, this.registry)
			.deserialize(topic, wireFormat(id, older, record));

		assertThat(read.getDeliveryId()).isEqualTo("d-1");
		assertThat(read.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(read.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
		assertThat(read.getExternalId()).isNull();
		assertThat(read.getError()).isNull();
	}

	@Test
	void unknownSchemaIdFailsWithSerializationExceptionNamingTopicAndId() {
		SpecificAvroDeserializer<ArticleEvent> deserializer = new SpecificAvroDeserializer<>(ArticleEvent.class);
		deserializer.configure(this.serdeConfig, false);
		byte[] record = { 0, 0x00, 0x0f, 0x42, 0x3f, 2, 'x' };
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer.deserialize("serde-it-unknown-id", record))
			.withMessageContaining("serde-it-unknown-id")
			.withMessageContaining("does not know schema id " + 0x0f423f);
	}

	@Test
	void consumerReportsPartitionAndOffsetOfARecordThatIsNotAvro() throws Exception {
		String topic = "serde-it-poison";
		EmbeddedStack.createTopics(topic);
		RecordMetadata sent;
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
				new ByteArraySerializer())) {
			sent = producer.send(new ProducerRecord<>(topic, "a-1", "not avro".getBytes())).get();
		}
		try (KafkaConsumer<String, ArticleEvent> consumer = new KafkaConsumer<>(consumerConfig(),
				new StringDeserializer(), new SpecificAvroDeserializer<>(ArticleEvent.class, this.registry))) {
			consumer.assign(List.of(new TopicPartition(topic, sent.partition())));
			consumer.seek(new TopicPartition(topic, sent.partition()), sent.offset());
			assertThatExceptionOfType(RecordDeserializationException.class)
				.isThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
				.satisfies((ex) -> {
					assertThat(ex.topicPartition()).isEqualTo(new TopicPartition(topic, sent.partition()));
					assertThat(ex.offset()).isEqualTo(sent.offset());
					assertThat(ex.getCause()).hasMessageContaining(topic).hasMessageContaining("magic byte");
				});
		}
	}

	@Test
	void withoutAutoRegisterAnUnregisteredSchemaIsRefusedNamingTheSubject() {
		SpecificAvroSerializer<ArticleEvent> serializer = new SpecificAvroSerializer<>();
		serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.schemaRegistryUrl(),
				AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false", AvroSerdeConfig.BASIC_AUTH_USER_INFO,
				EmbeddedStack.registryUserInfo()), false);
		ArticleEvent event = sampleEvent();
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> serializer.serialize("serde-it-not-registered", event))
			.withMessageContaining("serde-it-not-registered-value");

		this.registry.register("serde-it-not-registered-value", ArticleEvent.getClassSchema());
		assertThat(serializer.serialize("serde-it-not-registered", event)).startsWith(0);
	}

	@Test
	void serializerWithoutCredentialsCannotRegisterAndSaysWhatToSet() {
		SpecificAvroSerializer<ArticleEvent> serializer = new SpecificAvroSerializer<>();
		serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.schemaRegistryUrl(),
				AvroSerdeConfig.BASIC_AUTH_USER_INFO, ""), false);
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> serializer.serialize("serde-it-anonymous", sampleEvent()))
			.withMessageContaining("serde-it-anonymous-value")
			.withMessageContaining("status 401")
			.withMessageContaining("basic.auth.user.info");
	}

	private SpecificAvroSerializer<ArticleEvent> serializer(boolean autoRegister) {
		SpecificAvroSerializer<ArticleEvent> serializer = new SpecificAvroSerializer<>();
		serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.schemaRegistryUrl(),
				AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, autoRegister, AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
				AvroSerdeConfig.USER_INFO, AvroSerdeConfig.BASIC_AUTH_USER_INFO, EmbeddedStack.registryUserInfo()),
				false);
		return serializer;
	}

	private static byte[] wireFormat(int id, Schema schema, GenericRecord record) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0);
		out.write(ByteBuffer.allocate(4).putInt(id).array());
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
		new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
		encoder.flush();
		return out.toByteArray();
	}

	private <V> List<ConsumerRecord<String, V>> consume(String topic, RecordMetadata sent,
			Deserializer<V> deserializer) {
		TopicPartition partition = new TopicPartition(topic, sent.partition());
		List<ConsumerRecord<String, V>> records = new ArrayList<>();
		try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
				deserializer)) {
			consumer.assign(List.of(partition));
			consumer.seek(partition, sent.offset());
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				assertThat(records).isNotEmpty();
			});
		}
		return records;
	}

	private static Map<String, Object> producerConfig() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
	}

	private static Map<String, Object> consumerConfig() {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
	}

	static ArticleEvent sampleEvent() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Article article = Article.newBuilder()
			.setId(UUID.randomUUID().toString())
			.setVersion(1)
			.setEdition("az")
			.setSection("economy")
			.setSlug("manat-holds-steady")
			.setCanonicalUrl("https://news.example/az/economy/manat-holds-steady")
			.setTitle("Manat holds steady")
			.setLead("The central bank kept its rate.")
			.setBody("<p>Body</p>")
			.setAuthors(List.of(Author.newBuilder().setName("Leyla Aliyeva").build()))
			.setTags(List.of("economy", "banking"))
			.setHeroImage(Image.newBuilder().setUrl("https://img.example/1.jpg").setCaption("Baku").build())
			.setBreaking(true)
			.setPublishedAt(now)
			.setUpdatedAt(now)
			.build();
		return ArticleEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setType(ArticleEventType.PUBLISHED)
			.setOccurredAt(now)
			.setActor("editor-7")
			.setArticle(article)
			.build();
	}

}
