package dev.newsroom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.newsroom.bench.harness.BenchmarkException;
import dev.newsroom.bench.harness.BenchmarkOptions;
import dev.newsroom.bench.harness.JvmDescription;
import dev.newsroom.bench.harness.LoadReport;
import dev.newsroom.events.view.PageView;
import dev.newsroom.events.view.TrafficClass;
import dev.newsroom.schemas.Topics;
import dev.newsroom.schemas.serde.AvroSerdeConfig;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;
import dev.newsroom.schemas.serde.SpecificAvroSerializer;

import static dev.newsroom.bench.harness.Figures.number;

/**
 * The view counter's Kafka Streams application (exactly-once) against a plain consumer
 * reading the same records of the same topic, side by side in one run. Each round writes
 * a burst of page views (each a reader's first view of one of the articles the benchmark
 * publishes first) to {@code newsroom.page-views}, times the running view counter from
 * the burst's first record to the moment its group has committed past the last one, then
 * times a plain consumer (no group, Avro values deserialized and counted per article in
 * memory) reading the same offsets. The figure is the Streams application's records per
 * second divided by the plain consumer's; the target is 0.6 or more. Writing the burst
 * counts against the Streams application, so its figure is, if anything, low.
 */
public final class StreamsThroughputBenchmark {

	static final double TARGET_RATIO = 0.6;

	private static final String REGISTRY_CREDENTIALS = ".newsroom/registry-credentials.properties";

	private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);

	private StreamsThroughputBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err)
			throws InterruptedException {
		try {
			BenchmarkOptions options = BenchmarkOptions.parse(args, ReaderBeacons.options("bootstrap-servers",
					"registry", "registry-user-info", "application-id", "views", "rounds"));
			String bootstrap = options.string("bootstrap-servers", "localhost:9092");
			String registry = options.httpUrl("registry", "http://localhost:8081").toString();
			String userInfo = options.string("registry-user-info")
				.or(() -> Optional.ofNullable(environment.get("SCHEMA_REGISTRY_USER_INFO")).filter((v) -> !v.isEmpty()))
				.or(StreamsThroughputBenchmark::localStackRegistryUser)
				.orElseThrow(() -> new BenchmarkException("No registry credentials: give --registry-user-info=user:"
						+ "password, set SCHEMA_REGISTRY_USER_INFO, or run from the directory of ./run-local"));
			String applicationId = options.string("application-id", "newsroom-view-counter");
			long views = (long) options.positiveNumber("views", 200_000);
			int rounds = (int) options.positiveNumber("rounds", 2);
			List<String> articles = ReaderBeacons.setUp(options, environment, 0).articles();
			Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry,
					AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, AvroSerdeConfig.USER_INFO,
					AvroSerdeConfig.BASIC_AUTH_USER_INFO, userInfo, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
					AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, PageView.class.getName());
			out.println("Published " + articles.size() + " articles, each counted once. " + rounds + " rounds of "
					+ views + " page views on " + Topics.PAGE_VIEWS + ", read by the streams application "
					+ applicationId + " and then by a plain consumer.");
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
					KafkaProducer<String, PageView> producer = producer(bootstrap, serde);
					KafkaConsumer<String, PageView> consumer = consumer(bootstrap, serde)) {
				List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAGE_VIEWS)
					.stream()
					.map((info) -> new TopicPartition(info.topic(), info.partition()))
					.toList();
				long streamsNanos = 0;
				long plainNanos = 0;
				long total = 0;
				out.println(
						"Streams counting throughput: " + applicationId + " (exactly-once) against a plain consumer");
				for (int round = 1; round <= rounds; round++) {
					Map<TopicPartition, Long> from = consumer.endOffsets(partitions);
					long start = System.nanoTime();
					write(producer, articles, views, round);
					Map<TopicPartition, Long> to = consumer.endOffsets(partitions);
					long streams = awaitCommitted(admin, applicationId, to) - start;
					long plain = read(consumer, from, to);
					long records = to.entrySet()
						.stream()
						.mapToLong((end) -> end.getValue() - from.get(end.getKey()))
						.sum();
					total += records;
					streamsNanos += streams;
					plainNanos += plain;
					LoadReport.line(out, "round " + round,
							records + " records: streams " + number(records * 1e9 / streams) + "/s, plain consumer "
									+ number(records * 1e9 / plain) + "/s");
				}
				double streamsRate = total * 1e9 / streamsNanos;
				double plainRate = total * 1e9 / plainNanos;
				LoadReport.line(out, "streams", number(streamsRate) + " records/s, exactly-once");
				LoadReport.line(out, "plain", number(plainRate) + " records/s");
				LoadReport.line(out, "ratio",
						number(streamsRate / plainRate) + " (target " + number(TARGET_RATIO) + " or more)");
				LoadReport.printJvm(out, JvmDescription.current());
				return 0;
			}
		}
		catch (BenchmarkException ex) {
			err.println(ex.getMessage());
			return 2;
		}
	}

	private static void write(KafkaProducer<String, PageView> producer, List<String> articles, long views, int round) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String run = Long.toString(System.currentTimeMillis(), 36) + "-" + round;
		AtomicReference<Exception> firstFailure = new AtomicReference<>();
		for (long n = 0; n < views; n++) {
			String articleId = articles.get((int) (n % articles.size()));
			PageView view = PageView.newBuilder()
				.setViewId("bench-" + run + "-" + n)
				.setArticleId(articleId)
				.setVisitorId(String.format("%032x", (((long) round) << 40) + n))
				.setViewedAt(now)
				.setTraffic(TrafficClass.READER)
				.build();
			producer.send(new ProducerRecord<>(Topics.PAGE_VIEWS, articleId, view), (metadata, failure) -> {
				if (failure != null) {
					firstFailure.compareAndSet(null, failure);
				}
			});
		}
		producer.flush();
		if (firstFailure.get() != null) {
			throw new BenchmarkException("Page views were not written: " + firstFailure.get().getMessage());
		}
	}

	/**
	 * @return when the group had committed up to the offsets
	 */
	private static long awaitCommitted(Admin admin, String group, Map<TopicPartition, Long> to)
			throws InterruptedException {
		long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			Map<TopicPartition, OffsetAndMetadata> committed;
			try {
				committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
			}
			catch (ExecutionException ex) {
				throw new BenchmarkException("Cannot read the offsets of group " + group + ": " + ex.getCause());
			}
			boolean caughtUp = to.entrySet().stream().allMatch((end) -> {
				OffsetAndMetadata offset = committed.get(end.getKey());
				return end.getValue() == 0 || (offset != null && offset.offset() >= end.getValue());
			});
			if (caughtUp) {
				return System.nanoTime();
			}
			Thread.sleep(20);
		}
		throw new BenchmarkException("Group " + group + " did not commit past the page views within "
				+ CATCH_UP_TIMEOUT.toMinutes() + " min. Is the view counter running? Give its application id with "
				+ "--application-id= if it is not newsroom-view-counter.");
	}

	/**
	 * @return how long reading from the offsets to the offsets took
	 */
	private static long read(KafkaConsumer<String, PageView> consumer, Map<TopicPartition, Long> from,
			Map<TopicPartition, Long> to) {
		long start = System.nanoTime();
		consumer.assign(from.keySet());
		from.forEach(consumer::seek);
		Map<String, Long> counts = new HashMap<>();
		Map<TopicPartition, Long> left = to.entrySet()
			.stream()
			.filter((end) -> end.getValue() > from.get(end.getKey()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		while (!left.isEmpty()) {
			for (ConsumerRecord<String, PageView> record : consumer.poll(Duration.ofMillis(100))) {
				counts.merge(record.value().getArticleId(), 1L, Long::sum);
			}
			left.keySet().removeIf((partition) -> consumer.position(partition) >= left.get(partition));
		}
		return System.nanoTime() - start;
	}

	private static KafkaProducer<String, PageView> producer(String bootstrap, Map<String, Object> serde) {
		Map<String, Object> config = new HashMap<>(serde);
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
		SpecificAvroSerializer<PageView> values = new SpecificAvroSerializer<>();
		values.configure(serde, false);
		return new KafkaProducer<>(config, new StringSerializer(), values);
	}

	private static KafkaConsumer<String, PageView> consumer(String bootstrap, Map<String, Object> serde) {
		Map<String, Object> config = new HashMap<>(serde);
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		SpecificAvroDeserializer<PageView> values = new SpecificAvroDeserializer<>();
		values.configure(serde, false);
		return new KafkaConsumer<>(config, new StringDeserializer(), values);
	}

	private static Optional<String> localStackRegistryUser() {
		Path file = Path.of(REGISTRY_CREDENTIALS);
		if (!Files.isReadable(file)) {
			return Optional.empty();
		}
		Properties credentials = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			credentials.load(in);
		}
		catch (IOException ex) {
			throw new BenchmarkException("Cannot read " + file + ": " + ex.getMessage());
		}
		return Optional.of(credentials.getProperty("user") + ":" + credentials.getProperty("password"));
	}

}
