package dev.newsroom.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.schemas.serde.AvroSerdeConfig;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;
import dev.newsroom.schemas.serde.SpecificAvroSerializer;
import dev.newsroom.testsupport.EmbeddedStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's consumer example ("Read a topic yourself") is the code below, between its
 * two marker comments: one test runs it against a real broker and registry and checks
 * what it prints, the other that the README shows exactly that code.
 */
class ReadmeConsumerExampleIT {

	private static final Path README = Path.of("..", "README.md");

	private static final String BEGIN = "// README example begins";

	private static final String END = "// README example ends";

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * What a downstream team writes to follow the articles: plain Kafka clients and the
	 * project's deserializer, no Spring.
	 */
	static void printArticles(String bootstrapServers, String registryUrl, BooleanSupplier reading, PrintStream out) {
		// README example begins
		Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers, "group.id", "my-newsletter",
				"auto.offset.reset", "earliest", "key.deserializer", StringDeserializer.class, "value.deserializer",
				SpecificAvroDeserializer.class, "schema.registry.url", registryUrl, "specific.avro.value.type",
				ArticleEvent.class.getName());
		try (KafkaConsumer<String, ArticleEvent> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of("newsroom.articles"));
			while (reading.getAsBoolean()) {
				for (ConsumerRecord<String, ArticleEvent> record : consumer.poll(Duration.ofSeconds(1))) {
					ArticleEvent event = record.value();
					out.println(event.getType() + " " + event.getArticle().getCanonicalUrl());
				}
			}
		}
		// README example ends
	}

	@Test
	void theExamplePrintsEveryEventOfAnArticleInOrder() throws Exception {
		EmbeddedStack.createTopics(Topics.ARTICLES);
		String slug = "example-" + UUID.randomUUID();
		String url = "https://news.example/en/world/" + slug;
		try (KafkaProducer<String, ArticleEvent> producer = producer()) {
			for (ArticleEventType type : List.of(ArticleEventType.PUBLISHED, ArticleEventType.UPDATED,
					ArticleEventType.UNPUBLISHED)) {
				producer.send(new ProducerRecord<>(Topics.ARTICLES, slug, event(slug, url, type))).get();
			}
		}
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		String last = ArticleEventType.UNPUBLISHED + " " + url;
		long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
		try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
			printArticles(EmbeddedStack.bootstrapServers(), EmbeddedStack.schemaRegistryUrl(),
					() -> !printed.toString(StandardCharsets.UTF_8).contains(last) && System.nanoTime() < deadline,
					out);
		}
		assertThat(printed.toString(StandardCharsets.UTF_8).lines().filter((line) -> line.endsWith(url)))
			.containsExactly(ArticleEventType.PUBLISHED + " " + url, ArticleEventType.UPDATED + " " + url, last);
	}

	@Test
	void theReadmeShowsExactlyThisCode() throws IOException {
		List<String> source = Files.readAllLines(Path.of("src", "test", "java", "dev", "newsroom", "schemas",
				ReadmeConsumerExampleIT.class.getSimpleName() + ".java"));
		String example = collapsed(source.subList(source.indexOf("\t\t" + BEGIN) + 1, source.indexOf("\t\t" + END)));
		assertThat(example).contains("new KafkaConsumer<>(config)");
		assertThat(collapsed(Files.readAllLines(README)))
			.as("README.md shows the consumer example of %s (line breaks aside)", getClass().getSimpleName())
			.contains(example);
	}

	/** The lines as one, with every run of white space made one space. */
	private static String collapsed(List<String> lines) {
		return String.join(" ", lines).replaceAll("\\s+", " ").strip();
	}

	private static KafkaProducer<String, ArticleEvent> producer() {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.bootstrapServers(),
				AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.schemaRegistryUrl(),
				AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, AvroSerdeConfig.USER_INFO,
				AvroSerdeConfig.BASIC_AUTH_USER_INFO, EmbeddedStack.registryUserInfo());
		SpecificAvroSerializer<ArticleEvent> values = new SpecificAvroSerializer<>();
		values.configure(config, false);
		return new KafkaProducer<>(config, new StringSerializer(), values);
	}

	private static ArticleEvent event(String slug, String url, ArticleEventType type) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Article article = Article.newBuilder()
			.setId(slug)
			.setVersion(1)
			.setEdition("en")
			.setSection("world")
			.setSlug(slug)
			.setCanonicalUrl(url)
			.setTitle("An example")
			.setLead("A lead.")
			.setBody("<p>Body</p>")
			.setPublishedAt(now)
			.setUpdatedAt(now)
			.setStatus((type == ArticleEventType.UNPUBLISHED) ? ArticleStatus.UNPUBLISHED : ArticleStatus.PUBLISHED)
			.build();
		return ArticleEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setType(type)
			.setOccurredAt(now)
			.setActor("readme-example")
			.setArticle(article)
			.build();
	}

}
