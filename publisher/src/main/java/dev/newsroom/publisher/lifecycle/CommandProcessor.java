package dev.newsroom.publisher.lifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.publisher.PublisherProperties.Topics;
import dev.newsroom.publisher.catalogue.ArticleHistory;
import dev.newsroom.publisher.catalogue.Catalogue;
import dev.newsroom.publisher.catalogue.RequestLog;
import dev.newsroom.publisher.lifecycle.Decision.Accepted;
import dev.newsroom.publisher.lifecycle.Decision.Problem;
import dev.newsroom.publisher.lifecycle.Decision.Rejected;
import dev.newsroom.support.kafka.DeadLetters;
import dev.newsroom.support.kafka.TraceParents;
import dev.newsroom.support.kafka.TransientFailures;
import dev.newsroom.publisher.catalogue.RememberedRequest;
import dev.newsroom.publisher.catalogue.CommandReply;

/**
 * The single writer: applies the commands of the partitions this instance owns, one at a
 * time per partition, in a Kafka transaction that also commits the commands' offsets. For
 * each command it writes the event to the articles and changes topics, remembers the
 * answer under the request's {@code Idempotency-Key}, and answers the waiting instance,
 * all or nothing. A transient failure (registry or broker unavailable) aborts the
 * transaction, and the batch is read again; commands whose requester has given up are
 * then dropped.
 */
public final class CommandProcessor {

	private static final Logger logger = LoggerFactory.getLogger(CommandProcessor.class);

	/** The counter of committed article events, tagged with their {@code type}. */
	public static final String EVENTS_METRIC = "newsroom.publisher.article.events";

	/** What a JSON answer says it is. */
	static final String JSON = "application/json";

	/** What a problem answer says it is. */
	static final String PROBLEM_JSON = "application/problem+json";

	private final KafkaTemplate<String, byte[]> kafka;

	private final Serializer<ArticleEvent> events;

	private final ArticleDecider decider;

	private final Catalogue catalogue;

	private final ArticleHistory history;

	private final RequestLog requests;

	private final ScheduledPublications schedules;

	private final Topics topics;

	private final JsonMapper json;

	private final Clock clock;

	private final int maxRecordBytes;

	private final MeterRegistry meters;

	/**
	 * @param kafka the transactional template
	 * @param events the Avro serializer of events
	 * @param decider the lifecycle rules
	 * @param catalogue the catalogue
	 * @param history the history
	 * @param requests the request log
	 * @param schedules the scheduled publications
	 * @param topics the topics
	 * @param json the JSON mapper
	 * @param clock the clock
	 * @param maxRecordBytes the largest record the producer sends
	 * @param meters where {@value #EVENTS_METRIC} counts the committed events by type
	 */
	public CommandProcessor(KafkaTemplate<String, byte[]> kafka, Serializer<ArticleEvent> events,
			ArticleDecider decider, Catalogue catalogue, ArticleHistory history, RequestLog requests,
			ScheduledPublications schedules, Topics topics, JsonMapper json, Clock clock, int maxRecordBytes,
			MeterRegistry meters) {
		this.kafka = kafka;
		this.meters = meters;
		this.events = events;
		this.decider = decider;
		this.catalogue = catalogue;
		this.history = history;
		this.requests = requests;
		this.schedules = schedules;
		this.topics = topics;
		this.json = json;
		this.clock = clock;
		this.maxRecordBytes = maxRecordBytes;
	}

	/**
	 * Applies a batch of commands inside the listener container's transaction.
	 * @param records the commands
	 */
	public void process(List<ConsumerRecord<String, byte[]>> records) {
		Batch batch = new Batch();
		// First decide every command and send its events, then wait for all of them at
		// once: one round trip to the brokers per batch, not one per command.
		List<Runnable> answers = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			CommandEnvelope envelope;
			try {
				envelope = this.json.readValue(record.value(), CommandEnvelope.class);
			}
			catch (JacksonException | IllegalArgumentException ex) {
				deadLetter(record, ex);
				continue;
			}
			Instant now = this.clock.instant();
			if (envelope.expired(now)) {
				logger.warn("Dropping the command for article {} from {}: its requester gave up at {}",
						envelope.command().articleId(), envelope.actor(), envelope.deadline());
				continue;
			}
			Outcome outcome = apply(envelope, record.partition(), TraceParents.of(record), batch, now);
			if (outcome != null) {
				answers.add(() -> answer(envelope, record.partition(), outcome, batch, now));
			}
		}
		answers.forEach(Runnable::run);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					batch.applyTo(CommandProcessor.this);
				}
			});
		}
		else {
			batch.applyTo(this);
		}
	}

	/**
	 * @param traceParent the trace context of the request that sent the command, carried
	 * over to the events it writes
	 */
	private @Nullable Outcome apply(CommandEnvelope envelope, int partition, @Nullable String traceParent, Batch batch,
			Instant now) {
		String key = envelope.idempotencyKey();
		if (key != null) {
			Outcome earlier = batch.outcome(envelope.actor(), key);
			if (earlier != null) {
				return Objects.equals(earlier.fingerprint(), envelope.fingerprint())
						? Outcome.replay(() -> earlier.reply().to(envelope.correlationId()))
						: Outcome.now(problem(envelope, IdempotencyProblems.keyReused(key, earlier.articleId())));
			}
			RememberedRequest seen = this.requests.find(envelope.actor(), key, now).orElse(null);
			if (seen != null) {
				return Objects.equals(seen.fingerprint(), envelope.fingerprint())
						? Outcome.replay(() -> seen.reply().to(envelope.correlationId()))
						: Outcome.now(problem(envelope, IdempotencyProblems.keyReused(key, seen.articleId())));
			}
		}
		String id = envelope.command().articleId();
		ArticleEvent current = batch.article(id);
		if (current == null) {
			current = this.catalogue.get(id).orElse(null);
		}
		String slugHolder = null;
		if (envelope.command() instanceof ArticleCommand.Create create) {
			String holder = this.catalogue.slugHolder(create.content().edition(), create.content().slug());
			slugHolder = (holder != null && !holder.equals(id)) ? holder : null;
		}
		Decision decision = this.decider.decide(current, slugHolder, envelope, now);
		Outcome outcome;
		if (decision instanceof Accepted accepted) {
			outcome = write(envelope, accepted, partition, traceParent, batch);
		}
		else if (decision instanceof Rejected rejected) {
			outcome = Outcome.now(problem(envelope, rejected.problem()));
		}
		else {
			logger.info("Command {} for article {} not applied: {}", envelope.command().getClass().getSimpleName(), id,
					((Decision.Ignored) decision).why());
			return null;
		}
		if (key != null) {
			batch.expect(envelope.actor(), key, outcome.remembering(envelope.fingerprint(), id));
		}
		return outcome;
	}

	/**
	 * Remembers the answer under the request's key, unless it is a failure on the
	 * server's side or a replay, and sends it to the waiting instance.
	 */
	private void answer(CommandEnvelope envelope, int partition, Outcome outcome, Batch batch, Instant now) {
		CommandReply reply = outcome.reply();
		String key = envelope.idempotencyKey();
		if (key != null && !outcome.replayed() && reply.status() < 500) {
			RememberedRequest remembered = new RememberedRequest(envelope.actor(), key,
					Objects.requireNonNull(envelope.fingerprint()), envelope.command().articleId(), now, reply);
			this.kafka.send(this.topics.requests().name(), partition, remembered.recordKey(),
					this.json.writeValueAsBytes(remembered));
			batch.remember(remembered);
		}
		if (envelope.replyPartition() >= 0) {
			this.kafka.send(this.topics.replies().name(), envelope.replyPartition(), envelope.correlationId(),
					this.json.writeValueAsBytes(reply));
		}
	}

	private Outcome write(CommandEnvelope envelope, Accepted accepted, int partition, @Nullable String traceParent,
			Batch batch) {
		ArticleEvent event = accepted.event();
		String id = event.getArticle().getId();
		byte[] article;
		byte[] change;
		try {
			article = this.events.serialize(this.topics.articles().name(), event);
			change = this.events.serialize(this.topics.changes().name(), event);
		}
		catch (SerializationException ex) {
			if (TransientFailures.isTransient(ex)) {
				throw ex;
			}
			logger.error("The event of article {} cannot be written: {}", id, ex.getMessage(), ex);
			return Outcome.now(problem(envelope, new Problem(500, "event-not-serializable", "Event refused",
					"The article's event cannot be written to " + this.topics.articles().name() + ": " + ex.getMessage()
							+ ". Retrying will not help; an operator must fix the schema or the registry. Nothing was written.",
					Map.of("articleId", id))));
		}
		int size = article.length + id.length() + 512;
		if (size > this.maxRecordBytes) {
			logger.error("The event of article {} is {} bytes, over the record limit of {} bytes", id, article.length,
					this.maxRecordBytes);
			return Outcome.now(problem(envelope,
					new Problem(413, "article-too-large", "Article too large",
							"The article's event would be " + article.length + " bytes, over Kafka's record limit of "
									+ this.maxRecordBytes + " bytes. Shorten the body. Nothing was written.",
							Map.of("articleId", id, "maxBytes", this.maxRecordBytes))));
		}
		CompletableFuture<SendResult<String, byte[]>> sending = this.kafka.send(new ProducerRecord<>(
				this.topics.articles().name(), partition, id, article, TraceParents.headers(traceParent)));
		this.kafka.send(new ProducerRecord<>(this.topics.changes().name(),
				Partitions.of(id, this.topics.changes().partitions()), id, change, TraceParents.headers(traceParent)));
		batch.write(event);
		return Outcome.later(() -> written(envelope, accepted, sending.join().getRecordMetadata()));
	}

	private CommandReply written(CommandEnvelope envelope, Accepted accepted, RecordMetadata sent) {
		ArticleEvent event = accepted.event();
		String id = event.getArticle().getId();
		logger.info("{} article {} v{} ({}) by {} at {}-{}@{}", event.getType(), id, event.getArticle().getVersion(),
				event.getArticle().getCanonicalUrl(), event.getActor(), sent.topic(), sent.partition(), sent.offset());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("version", event.getArticle().getVersion());
		body.put("status", event.getArticle().getStatus().name());
		body.put("event", event.getType().name());
		body.put("canonicalUrl", event.getArticle().getCanonicalUrl());
		body.put("eventId", event.getEventId());
		body.put("topic", sent.topic());
		body.put("partition", sent.partition());
		body.put("offset", sent.offset());
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("ETag", "\"" + event.getArticle().getVersion() + "\"");
		if (accepted.status() == 201) {
			headers.put("Location", "/api/articles/" + id);
		}
		return new CommandReply(envelope.correlationId(), accepted.status(), headers, JSON,
				this.json.writeValueAsString(body));
	}

	private CommandReply problem(CommandEnvelope envelope, Problem problem) {
		return new CommandReply(envelope.correlationId(), problem.status(), Map.of(), PROBLEM_JSON,
				this.json.writeValueAsString(problem.members()));
	}

	private void deadLetter(ConsumerRecord<String, byte[]> record, Exception ex) {
		logger.error("Unreadable command {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
				this.topics.deadLetters().name(), ex.getMessage());
		ProducerRecord<String, byte[]> letter = new ProducerRecord<>(this.topics.deadLetters().name(), record.key(),
				record.value());
		letter.headers()
			.add(DeadLetters.REASON_HEADER,
					(ex.getClass().getSimpleName() + ": " + ex.getMessage()).getBytes(StandardCharsets.UTF_8))
			.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8))
			.add(KafkaHeaders.DLT_ORIGINAL_PARTITION,
					Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8))
			.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
		this.kafka.send(letter);
	}

	/**
	 * The answer to a command, known at once (a refusal) or once its events are
	 * acknowledged; computed once.
	 */
	private static final class Outcome {

		private final Supplier<CommandReply> answer;

		private final boolean replayed;

		private @Nullable String fingerprint;

		private @Nullable String articleId;

		private @Nullable CommandReply reply;

		private Outcome(Supplier<CommandReply> answer, boolean replayed) {
			this.answer = answer;
			this.replayed = replayed;
		}

		static Outcome now(CommandReply reply) {
			return new Outcome(() -> reply, false);
		}

		static Outcome later(Supplier<CommandReply> answer) {
			return new Outcome(answer, false);
		}

		static Outcome replay(Supplier<CommandReply> answer) {
			return new Outcome(answer, true);
		}

		Outcome remembering(@Nullable String fingerprint, String articleId) {
			this.fingerprint = fingerprint;
			this.articleId = articleId;
			return this;
		}

		CommandReply reply() {
			if (this.reply == null) {
				this.reply = this.answer.get();
			}
			return this.reply;
		}

		boolean replayed() {
			return this.replayed;
		}

		@Nullable String fingerprint() {
			return this.fingerprint;
		}

		String articleId() {
			return Objects.requireNonNull(this.articleId);
		}

	}

	/**
	 * What a batch changed, visible to the batch's later commands at once and to the read
	 * models once the transaction has committed.
	 */
	private static final class Batch {

		private final Map<String, ArticleEvent> articles = new HashMap<>();

		private final List<ArticleEvent> events = new ArrayList<>();

		private final Map<String, RememberedRequest> requests = new HashMap<>();

		private final Map<String, Outcome> outcomes = new HashMap<>();

		@Nullable ArticleEvent article(String id) {
			return this.articles.get(id);
		}

		@Nullable Outcome outcome(String principal, String key) {
			return this.outcomes.get(RememberedRequest.recordKey(principal, key));
		}

		void expect(String principal, String key, Outcome outcome) {
			this.outcomes.put(RememberedRequest.recordKey(principal, key), outcome);
		}

		void write(ArticleEvent event) {
			this.articles.put(event.getArticle().getId(), event);
			this.events.add(event);
		}

		void remember(RememberedRequest request) {
			this.requests.put(request.recordKey(), request);
		}

		void applyTo(CommandProcessor processor) {
			for (ArticleEvent event : this.events) {
				processor.catalogue.apply(event);
				processor.history.apply(event);
				processor.schedules.committed(event);
				processor.meters.counter(EVENTS_METRIC, "type", event.getType().name()).increment();
			}
			this.requests.values().forEach(processor.requests::apply);
		}

	}

}
