package dev.newsroom.notifier.announcing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.notification.DeliveryStatus;
import dev.newsroom.events.notification.NotificationDelivery;
import dev.newsroom.notifier.channels.telegram.FakeTelegramBotApi;
import dev.newsroom.schemas.Topics;
import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.schemas.serde.AvroSerdeConfig;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;
import dev.newsroom.support.kafka.DeadLetters;
import dev.newsroom.schemas.serde.SpecificAvroSerializer;
import dev.newsroom.testsupport.EmbeddedStack;
import dev.newsroom.testsupport.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Published articles reach a local server playing the Telegram Bot API, through a real
 * broker and Newsroom's real registry; every attempt lands in the audit trail, and
 * records that cannot be read are dead-lettered while the consumer carries on.
 */
@SpringBootTest(properties = { "newsroom.notifier.telegram.bot-token=" + AnnouncingIT.TOKEN,
		"newsroom.notifier.telegram.chat-id=@newsroom_test", "newsroom.notifier.delivery.backoff=100ms" })
class AnnouncingIT {

	static final String TOKEN = "424242:IT-token";

	static final String DEAD_LETTERS = "newsroom.articles.notifier-dlt";

	private static final FakeTelegramBotApi telegram = startTelegram();

	private final MeterRegistry meters;

	AnnouncingIT(@Autowired MeterRegistry meters) {
		this.meters = meters;
	}

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		EmbeddedStack.createTopics(Topics.ARTICLES);
		EmbeddedStack.register(registry);
		registry.add("newsroom.notifier.telegram.api-url", telegram::url);
	}

	@AfterAll
	static void stopTelegram() {
		telegram.close();
	}

	@BeforeEach
	void resetTelegram() {
		telegram.reset();
	}

	@Test
	void publishedArticleIsSentToTelegramEscapedAndItsDeliveryRecorded() {
		ArticleEvent event = event(ArticleEventType.PUBLISHED, "Tom & Jerry <3", Instant.now());
		publish(event);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(telegram.requests()).hasSize(1));
		FakeTelegramBotApi.Request request = telegram.requests().get(0);
		assertThat(request.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
		assertThat(request.body().path("chat_id").asString()).isEqualTo("@newsroom_test");
		assertThat(request.body().path("parse_mode").asString()).isEqualTo("HTML");
		String url = event.getArticle().getCanonicalUrl();
		assertThat(request.body().path("text").asString()).isEqualTo(
				"<b>Tom &amp; Jerry &lt;3</b>\n\n" + "Cats &amp; mice.\n\n<a href=\"" + url + "\">" + url + "</a>");

		List<NotificationDelivery> deliveries = deliveriesOf(event.getArticle().getId(), 1);
		NotificationDelivery delivery = deliveries.get(0);
		assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(delivery.getChannel()).isEqualTo("telegram");
		assertThat(delivery.getTarget()).isEqualTo("@newsroom_test");
		assertThat(delivery.getEventId()).isEqualTo(event.getEventId());
		assertThat(delivery.getAttempt()).isEqualTo(1);
		assertThat(delivery.getExternalUrl()).isEqualTo("https://t.me/newsroom_test/" + delivery.getExternalId());
	}

	@Test
	void theSameEventHandledTwiceIsPostedOnce() {
		ArticleEvent event = event(ArticleEventType.PUBLISHED, "Posted once", Instant.now());
		publish(event);
		publish(event);
		ArticleEvent marker = event(ArticleEventType.PUBLISHED, "After the redelivery", Instant.now());
		publish(marker);

		deliveriesOf(marker.getArticle().getId(), 1);
		assertThat(telegram.requests())
			.filteredOn((request) -> request.body().path("text").asString().contains("Posted once"))
			.hasSize(1);
		assertThat(deliveriesOf(event.getArticle().getId(), 1)).singleElement()
			.satisfies((delivery) -> assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.DELIVERED));
	}

	@Test
	void consumesAsTheConfiguredGroupAndCommitsWhatItHandled() throws Exception {
		ArticleEvent event = event(ArticleEventType.PUBLISHED, "Committed", Instant.now());
		publish(event);
		deliveriesOf(event.getArticle().getId(), 1);

		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()))) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(
						admin.listConsumerGroupOffsets("newsroom-notifier").partitionsToOffsetAndMetadata().get())
					.containsKey(new TopicPartition(Topics.ARTICLES, 0)));
		}
	}

	@Test
	void botTokenNeverReachesMetrics() {
		ArticleEvent event = event(ArticleEventType.PUBLISHED, "Metrics", Instant.now());
		publish(event);
		deliveriesOf(event.getArticle().getId(), 1);

		assertThat(this.meters.getMeters()).isNotEmpty()
			.allSatisfy((meter) -> assertThat(meter.getId().toString()).doesNotContain(TOKEN));
		assertThat(this.meters.find("http.client.requests").tag("uri", "/bot{token}/sendMessage").meter()).isNotNull();
	}

	@Test
	void throttledMessageIsRetriedAfterRetryAfterAndBothAttemptsAreRecorded() {
		telegram.throttleNext(1);
		ArticleEvent event = event(ArticleEventType.PUBLISHED, "Retry me", Instant.now());
		publish(event);

		List<NotificationDelivery> deliveries = deliveriesOf(event.getArticle().getId(), 2);
		assertThat(deliveries).extracting(NotificationDelivery::getAttempt).containsExactly(1, 2);
		assertThat(deliveries).extracting(NotificationDelivery::getStatus)
			.containsExactly(DeliveryStatus.FAILED, DeliveryStatus.DELIVERED);
		assertThat(deliveries.get(0).getError()).contains("429").doesNotContain(TOKEN);
		assertThat(telegram.requests()).hasSize(2);
		Instant firstFailed = deliveries.get(0).getOccurredAt();
		assertThat(deliveries.get(1).getOccurredAt()).isAfterOrEqualTo(firstFailed.plusMillis(900));
	}

	@Test
	void updatesAndOldNewsAreNotAnnounced() {
		publish(event(ArticleEventType.UPDATED, "Only an update", Instant.now()));
		publish(event(ArticleEventType.PUBLISHED, "Old news", Instant.now().minus(Duration.ofDays(2))));
		ArticleEvent marker = event(ArticleEventType.PUBLISHED, "Marker", Instant.now());
		publish(marker);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(telegram.requests()).isNotEmpty());
		assertThat(telegram.requests()).singleElement()
			.satisfies((request) -> assertThat(request.body().path("text").asString()).contains("Marker"));
	}

	@Test
	void recordThatIsNotAvroGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() throws Exception {
		String poisonKey = "poison-" + UUID.randomUUID();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.ARTICLES, poisonKey, "{\"title\":\"json\"}".getBytes())).get();
		}
		ArticleEvent after = event(ArticleEventType.PUBLISHED, "After the poison pill", Instant.now());
		publish(after);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(telegram.requests())
				.anySatisfy((request) -> assertThat(request.body().path("text").asString()).contains("poison pill")));
		ConsumerRecord<byte[], byte[]> dead = deadLetter(poisonKey);
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"json\"}");
		assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLES);
		assertThat(header(dead, DeadLetters.REASON_HEADER)).contains("magic byte").contains(Topics.ARTICLES);
		assertThat(dead.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
		assertThat(dead.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
	}

	private static FakeTelegramBotApi startTelegram() {
		try {
			return new FakeTelegramBotApi(TOKEN, "newsroom_test");
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start the fake Telegram Bot API", ex);
		}
	}

	private static ArticleEvent event(ArticleEventType type, String title, Instant at) {
		Instant when = at.truncatedTo(ChronoUnit.MILLIS);
		String id = UUID.randomUUID().toString();
		Article article = Article.newBuilder()
			.setId(id)
			.setVersion(1)
			.setEdition("en")
			.setSection("world")
			.setSlug("s-" + id.substring(0, 8))
			.setCanonicalUrl("https://news.example/en/world/s-" + id.substring(0, 8))
			.setTitle(title)
			.setLead("Cats & mice.")
			.setBody("<p>Body</p>")
			.setPublishedAt(when)
			.setUpdatedAt(when)
			.build();
		return ArticleEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setType(type)
			.setOccurredAt(when)
			.setActor("it")
			.setArticle(article)
			.build();
	}

	private static void publish(ArticleEvent event) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers(),
				AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.schemaRegistryUrl(),
				AvroSerdeConfig.BASIC_AUTH_USER_INFO, EmbeddedStack.registryUserInfo());
		SpecificAvroSerializer<ArticleEvent> serializer = new SpecificAvroSerializer<>();
		serializer.configure(config, false);
		try (KafkaProducer<String, ArticleEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
				serializer)) {
			producer.send(new ProducerRecord<>(Topics.ARTICLES, event.getArticle().getId(), event)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish the test event", ex);
		}
	}

	private static List<NotificationDelivery> deliveriesOf(String articleId, int expected) {
		return TopicRecords
			.read(Topics.NOTIFICATION_DELIVERIES, new StringDeserializer(),
					new SpecificAvroDeserializer<>(NotificationDelivery.class,
							new HttpSchemaRegistryClient(EmbeddedStack.schemaRegistryUrl())),
					(record) -> articleId.equals(record.key()), expected)
			.stream()
			.map(ConsumerRecord::value)
			.toList();
	}

	private static ConsumerRecord<byte[], byte[]> deadLetter(String key) {
		return TopicRecords
			.read(DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
					(record) -> key.equals(new String(record.key(), StandardCharsets.UTF_8)), 1)
			.get(0);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
