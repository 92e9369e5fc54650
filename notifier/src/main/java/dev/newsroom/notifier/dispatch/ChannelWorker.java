package dev.newsroom.notifier.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.bucket4j.TimeMeter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsroom.events.notification.Delivery;
import dev.newsroom.events.notification.DeliveryAction;
import dev.newsroom.events.notification.DeliveryState;
import dev.newsroom.notifier.channels.Channel;
import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.Post;
import dev.newsroom.notifier.channels.PostRef;
import dev.newsroom.notifier.ledger.DeliveryWrites;
import dev.newsroom.notifier.ledger.LedgerUnavailableException;
import dev.newsroom.notifier.planning.DeliveryPlanner;
import dev.newsroom.notifier.routing.Channels;

/**
 * Works through one channel's deliveries on its own thread: retractions first, then
 * breaking news, then the rest in the order they were planned; each at the channel's
 * pace, and no sooner than its backoff or the platform's rate limit allow. Before calling
 * the platform it writes "attempting" to the ledger, and the outcome after; a delivery
 * found "attempting" when the channel is taken over was interrupted by a crash, and is
 * retried with the same key on platforms that recognise it, or marked uncertain for an
 * editor elsewhere. Refused credentials pause the channel, keeping every delivery, until
 * an editor resumes it. Nothing here sleeps on a Kafka consumer's thread.
 * <p>
 * {@link #step()} is the whole decision, so that tests can drive it on a clock of their
 * own; {@link #start()} runs it on a thread.
 */
public final class ChannelWorker {

	private static final Logger logger = LoggerFactory.getLogger(ChannelWorker.class);

	/** What an editor does with an uncertain delivery. */
	private static final String WHAT_TO_DO = "check the channel, then mark it posted with the post's link, post it, "
			+ "or cancel it";

	private static final Duration IDLE = Duration.ofMinutes(1);

	private static final Duration LEDGER_RETRY = Duration.ofSeconds(1);

	private static final int MAX_BATCH = 16;

	private final Channels.Configured configured;

	private final Channel channel;

	private final DeliveryWrites ledger;

	private final DeliverySettings settings;

	private final Clock clock;

	private final Pacing pacing;

	private final BlockingQueue<Delivery> inbox = new LinkedBlockingQueue<>();

	/** Every delivery of the channel, in the state this worker knows; its thread only. */
	private final Map<String, Delivery> known = new HashMap<>();

	/**
	 * The deliveries still to be worked (pending, paused or being attempted), which each
	 * step looks through; the others are only looked up.
	 */
	private final Map<String, Delivery> active = new LinkedHashMap<>();

	/** The ids of each article's deliveries on this channel. */
	private final Map<String, List<String>> byArticle = new HashMap<>();

	private final List<Delivery> unwritten = new ArrayList<>();

	private final Map<Delivery, CompletableFuture<Void>> outcomeWrites = new LinkedHashMap<>();

	private volatile @Nullable String pausedBecause;

	private Instant blockedUntil = Instant.EPOCH;

	private final DeliveryTracing tracing;

	/** Failures that may pass, in a row, since the platform last took a call. */
	private int failingInARow;

	private volatile boolean running;

	private @Nullable Thread thread;

	/**
	 * @param configured the channel
	 * @param ledger where states are written
	 * @param settings backoff and expiry
	 * @param clock the clock, which also drives the pacing
	 * @param existing the channel's deliveries as the ledger has them
	 */
	public ChannelWorker(Channels.Configured configured, DeliveryWrites ledger, DeliverySettings settings, Clock clock,
			Collection<Delivery> existing) {
		this(configured, ledger, settings, clock, existing, DeliveryTracing.NONE);
	}

	/**
	 * @param configured the channel
	 * @param ledger where states are written
	 * @param settings backoff and expiry
	 * @param clock the clock, which also drives the pacing
	 * @param existing the channel's deliveries as the ledger has them
	 * @param tracing puts each call to the platform in its delivery's trace
	 */
	public ChannelWorker(Channels.Configured configured, DeliveryWrites ledger, DeliverySettings settings, Clock clock,
			Collection<Delivery> existing, DeliveryTracing tracing) {
		this.tracing = tracing;
		this.configured = configured;
		this.channel = configured.channel();
		this.ledger = ledger;
		this.settings = settings;
		this.clock = clock;
		this.pacing = new Pacing(configured.pacing(), timeMeter(clock));
		for (Delivery delivery : existing) {
			remember(delivery);
			if (delivery.getState() == DeliveryState.PAUSED && this.pausedBecause == null) {
				this.pausedBecause = String.valueOf(delivery.getLastError());
			}
		}
		recoverInterrupted();
	}

	/**
	 * @return the channel's name
	 */
	public String channelName() {
		return this.channel.name();
	}

	/**
	 * @return why the channel is paused, if it is
	 */
	public Optional<String> pausedBecause() {
		return Optional.ofNullable(this.pausedBecause);
	}

	/**
	 * Hands the worker a ledger record of its channel: a new delivery, an editor's retry,
	 * cancel or resume, or the echo of its own writes.
	 * @param delivery the record
	 */
	public void offer(Delivery delivery) {
		this.inbox.add(delivery);
		Thread worker = this.thread;
		if (worker != null) {
			LockSupport.unpark(worker);
		}
	}

	/**
	 * Starts the worker's thread.
	 */
	public void start() {
		this.running = true;
		Thread worker = new Thread(this::run, "channel-" + this.channel.name());
		worker.setDaemon(true);
		this.thread = worker;
		worker.start();
	}

	/**
	 * Stops the worker once a call in flight has ended and its outcome is written, so
	 * that the next owner of the channel finds no delivery half-done.
	 * @param timeout how long to wait for that
	 */
	public void stop(Duration timeout) {
		this.running = false;
		Thread worker = this.thread;
		if (worker != null) {
			// Not interrupted: a call in flight must end on its own, with its outcome.
			LockSupport.unpark(worker);
			try {
				worker.join(timeout.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void run() {
		try {
			loop();
		}
		finally {
			// The next owner of the channel must find every outcome written.
			for (Map.Entry<Delivery, CompletableFuture<Void>> write : this.outcomeWrites.entrySet()) {
				try {
					write.getValue().get(10, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					logger.warn("Outcome of {} not written before stopping; the next owner finds it attempting",
							write.getKey().getDeliveryId());
				}
			}
		}
	}

	private void loop() {
		while (this.running) {
			Duration wait;
			try {
				wait = step();
			}
			catch (RuntimeException ex) {
				logger.error("Channel {} failed to work its deliveries; trying again shortly", this.channel.name(), ex);
				wait = LEDGER_RETRY;
			}
			if (!wait.isZero() && this.running && this.inbox.isEmpty()) {
				// offer() and stop() unpark the thread, so nothing that arrives waits.
				LockSupport.parkNanos(this, wait.toNanos());
			}
		}
	}

	/**
	 * Takes in what arrived, then does at most one thing: write an outcome that could not
	 * be written, settle a delivery without calling the platform, or call it once.
	 * @return how long there is nothing to do, at most; {@link Duration#ZERO} to go on at
	 * once
	 */
	public Duration step() {
		for (Delivery incoming; (incoming = this.inbox.poll()) != null;) {
			accept(incoming);
		}
		collectOutcomeWrites();
		Instant now = now();
		if (!this.unwritten.isEmpty()) {
			return writeUnwritten();
		}
		if (expire(now) || pauseWaiting(now)) {
			return Duration.ZERO;
		}
		if (this.pausedBecause != null) {
			return IDLE;
		}
		if (now.isBefore(this.blockedUntil)) {
			return Duration.between(now, this.blockedUntil);
		}
		List<Delivery> due = due(now);
		if (due.isEmpty()) {
			return untilSomethingIsDue(now);
		}
		if (settleWithoutCalling(due.get(0), now)) {
			return Duration.ZERO;
		}
		List<Delivery> batch = new ArrayList<>();
		for (Delivery delivery : due) {
			if (batch.size() == maxBatch() || (!batch.isEmpty() && delivery.getAction() != DeliveryAction.ANNOUNCE)) {
				break;
			}
			Duration pace = this.pacing.take();
			if (!pace.isZero()) {
				if (batch.isEmpty()) {
					return pace;
				}
				break;
			}
			batch.add(delivery);
		}
		attempt(batch, now);
		return Duration.ZERO;
	}

	/**
	 * How many due deliveries are marked "attempting" with one ledger write: several
	 * where the platform recognises a retry, since a crash then only sends them again;
	 * one elsewhere, so that a crash never leaves a delivery uncertain that was not sent.
	 */
	private int maxBatch() {
		return this.channel.platform().retriesWithSameKey() ? MAX_BATCH : 1;
	}

	private void accept(Delivery incoming) {
		Delivery current = this.known.get(incoming.getDeliveryId());
		if (current == null) {
			remember(incoming);
			return;
		}
		if (incoming.getRevision() <= current.getRevision()) {
			if (!DeliveryPlanner.NOTIFIER.equals(incoming.getUpdatedBy())
					&& incoming.getRevision() == current.getRevision() && !incoming.equals(current)) {
				// An editor's command crossed one of our own writes: the ledger's latest
				// record is now the command, which this worker did not follow. Write our
				// state again so that the ledger tells the truth, and say why.
				write(change(current, current.getState(), now())
					.setLastError("A " + incoming.getState() + " by " + incoming.getUpdatedBy()
							+ " arrived while the delivery was changing; it was not applied: try again")
					.build());
			}
			return;
		}
		remember(incoming);
		if (!DeliveryPlanner.NOTIFIER.equals(incoming.getUpdatedBy()) && current.getState() == DeliveryState.PAUSED
				&& incoming.getState() == DeliveryState.PENDING && this.pausedBecause != null) {
			logger.info("Channel {} resumed by {}", this.channel.name(), incoming.getUpdatedBy());
			this.pausedBecause = null;
		}
	}

	private void recoverInterrupted() {
		for (Delivery delivery : List.copyOf(this.active.values())) {
			if (delivery.getState() != DeliveryState.ATTEMPTING) {
				continue;
			}
			Instant now = now();
			if (this.channel.platform().retriesWithSameKey()) {
				logger.info("Delivery {} was interrupted while posting; {} recognises a retry, so it is retried",
						delivery.getDeliveryId(), this.channel.platform().displayName());
				write(change(delivery, DeliveryState.PENDING, now)
					.setLastError("Interrupted while posting; retried with the same idempotency key")
					.build());
			}
			else {
				logger.warn(
						"Delivery {} was interrupted while posting to {}: it may or may not be there, so it is "
								+ "left UNCERTAIN for an editor",
						delivery.getDeliveryId(), this.channel.platform().displayName());
				write(change(delivery, DeliveryState.UNCERTAIN, now)
					.setLastError("The notifier stopped while posting to " + this.channel.platform().displayName()
							+ ", which has no way to recognise a retry: " + WHAT_TO_DO)
					.build());
			}
		}
	}

	private boolean expire(Instant now) {
		for (Delivery delivery : this.active.values()) {
			if ((delivery.getState() == DeliveryState.PENDING || delivery.getState() == DeliveryState.PAUSED)
					&& delivery.getExpiresAt() != null && !now.isBefore(delivery.getExpiresAt())) {
				logger.warn("Delivery {} expired after waiting since {}", delivery.getDeliveryId(),
						delivery.getPlannedAt());
				write(change(delivery, DeliveryState.EXPIRED, now)
					.setLastError("Expired: not delivered within " + this.configured.expireAfter()
							+ ((delivery.getLastError() != null) ? "; last error: " + delivery.getLastError() : ""))
					.build());
				return true;
			}
		}
		return false;
	}

	/** While the channel is paused, every waiting delivery says so in the ledger. */
	private boolean pauseWaiting(Instant now) {
		String reason = this.pausedBecause;
		if (reason == null) {
			return false;
		}
		for (Delivery delivery : this.active.values()) {
			if (delivery.getState() == DeliveryState.PENDING) {
				write(change(delivery, DeliveryState.PAUSED, now).setLastError(reason).build());
				return true;
			}
		}
		return false;
	}

	private List<Delivery> due(Instant now) {
		return this.active.values()
			.stream()
			.filter((delivery) -> delivery.getState() == DeliveryState.PENDING)
			.filter((delivery) -> delivery.getNextAttemptAt() == null || !now.isBefore(delivery.getNextAttemptAt()))
			.filter((delivery) -> delivery.getAction() != DeliveryAction.CORRECT || !announcementWaiting(delivery))
			.sorted(Comparator.comparingInt(ChannelWorker::priority)
				.thenComparing(Delivery::getPlannedAt)
				.thenComparing(Delivery::getDeliveryId))
			.limit(MAX_BATCH)
			.toList();
	}

	private static int priority(Delivery delivery) {
		if (delivery.getAction() == DeliveryAction.RETRACT) {
			return 0;
		}
		return delivery.getPost().getBreaking() ? 1 : 2;
	}

	private Duration untilSomethingIsDue(Instant now) {
		Instant soonest = now.plus(IDLE);
		for (Delivery delivery : this.active.values()) {
			if (delivery.getState() == DeliveryState.PENDING || delivery.getState() == DeliveryState.PAUSED) {
				if (delivery.getNextAttemptAt() != null && delivery.getNextAttemptAt().isBefore(soonest)) {
					soonest = delivery.getNextAttemptAt();
				}
				if (delivery.getExpiresAt() != null && delivery.getExpiresAt().isBefore(soonest)) {
					soonest = delivery.getExpiresAt();
				}
			}
		}
		Duration wait = Duration.between(now, soonest);
		return wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait;
	}

	/** The announcement a correction or a retraction refers to. */
	private @Nullable Delivery announcementOf(Delivery delivery) {
		return ofArticle(delivery.getArticleId()).stream()
			.filter((other) -> other.getAction() == DeliveryAction.ANNOUNCE
					&& other.getArticleId().equals(delivery.getArticleId())
					&& other.getArticleVersion() <= delivery.getArticleVersion())
			.max(Comparator.comparingLong(Delivery::getArticleVersion))
			.orElse(null);
	}

	private boolean announcementWaiting(Delivery correction) {
		Delivery announcement = announcementOf(correction);
		return announcement != null && isWaiting(announcement.getState());
	}

	private static boolean isWaiting(DeliveryState state) {
		return state == DeliveryState.PENDING || state == DeliveryState.PAUSED || state == DeliveryState.ATTEMPTING;
	}

	/**
	 * Settles what needs no call: a retraction of something never posted cancels the
	 * announcement; a correction or retraction of a post that is not there, or whose id
	 * is unknown, is skipped or left to an editor.
	 */
	private boolean settleWithoutCalling(Delivery delivery, Instant now) {
		if (delivery.getAction() == DeliveryAction.ANNOUNCE) {
			return false;
		}
		Delivery announcement = announcementOf(delivery);
		if (delivery.getAction() == DeliveryAction.CORRECT && retractedAfter(announcement, delivery)) {
			write(change(delivery, DeliveryState.SKIPPED, now)
				.setLastError("The article was retracted: there is no post to correct")
				.build());
			return true;
		}
		if (announcement == null || announcement.getState() == DeliveryState.CANCELLED
				|| announcement.getState() == DeliveryState.EXPIRED || announcement.getState() == DeliveryState.SKIPPED
				|| announcement.getState() == DeliveryState.FAILED) {
			write(change(delivery, DeliveryState.SKIPPED, now)
				.setLastError("Nothing was posted on " + this.channel.name() + " for this article")
				.build());
			return true;
		}
		if (delivery.getAction() == DeliveryAction.RETRACT && isWaiting(announcement.getState())) {
			write(change(announcement, DeliveryState.CANCELLED, now)
				.setLastError("The article was retracted before it was posted")
				.build());
			write(change(delivery, DeliveryState.SKIPPED, now)
				.setLastError("The announcement was cancelled before it was posted: nothing to remove")
				.build());
			return true;
		}
		if (announcement.getState() == DeliveryState.UNCERTAIN
				|| announcement.getState() == DeliveryState.LEFT_TO_EDITOR || announcement.getExternalId() == null) {
			String what = (delivery.getAction() == DeliveryAction.RETRACT) ? "remove" : "correct";
			write(change(delivery, DeliveryState.LEFT_TO_EDITOR, now)
				.setLastError("Whether or where the announcement was posted is not known (" + announcement.getState()
						+ "): check " + this.channel.name() + " and " + what + " it by hand")
				.build());
			return true;
		}
		return false;
	}

	private boolean retractedAfter(@Nullable Delivery announcement, Delivery correction) {
		long since = (announcement != null) ? announcement.getArticleVersion() : 0;
		return ofArticle(correction.getArticleId()).stream()
			.anyMatch((other) -> other.getAction() == DeliveryAction.RETRACT
					&& other.getArticleId().equals(correction.getArticleId()) && other.getArticleVersion() > since
					&& other.getState() != DeliveryState.CANCELLED);
	}

	private void attempt(List<Delivery> batch, Instant now) {
		List<Delivery> attempting = batch.stream()
			.map((delivery) -> change(delivery, DeliveryState.ATTEMPTING, now).setAttempts(delivery.getAttempts() + 1)
				.setNextAttemptAt(null)
				.build())
			.toList();
		try {
			this.ledger.writeAll(attempting);
		}
		catch (LedgerUnavailableException ex) {
			logger.warn("Not calling {} for {} delivery(ies): {}", this.channel.name(), batch.size(), ex.getMessage());
			for (Delivery delivery : attempting) {
				remember(Delivery.newBuilder(delivery)
					.setState(DeliveryState.PENDING)
					.setAttempts(delivery.getAttempts() - 1)
					.setNextAttemptAt(now.plus(LEDGER_RETRY))
					.build());
			}
			return;
		}
		attempting.forEach(this::remember);
		for (Delivery delivery : attempting) {
			Delivery outcome;
			if (this.pausedBecause != null || now().isBefore(this.blockedUntil)) {
				// An earlier call of this batch paused the channel or hit a rate limit.
				outcome = change(delivery, (this.pausedBecause != null) ? DeliveryState.PAUSED : DeliveryState.PENDING,
						now())
					.setAttempts(delivery.getAttempts() - 1)
					.setNextAttemptAt((this.pausedBecause != null) ? null : this.blockedUntil)
					.setLastError((this.pausedBecause != null) ? this.pausedBecause
							: "Held while the channel is rate-limited or its platform is failing")
					.build();
			}
			else {
				outcome = this.tracing.within(delivery, () -> outcome(delivery, call(delivery)));
			}
			remember(outcome);
			sendOutcome(outcome);
		}
	}

	/**
	 * Writes an outcome without waiting: the next "attempting" record, written to the
	 * same partition by the same producer, is acknowledged only after it.
	 */
	private void sendOutcome(Delivery outcome) {
		this.outcomeWrites.put(outcome, this.ledger.send(outcome));
	}

	private void collectOutcomeWrites() {
		this.outcomeWrites.entrySet().removeIf((write) -> {
			if (!write.getValue().isDone()) {
				return false;
			}
			if (write.getValue().isCompletedExceptionally()) {
				this.unwritten.add(write.getKey());
			}
			return true;
		});
	}

	private Result call(Delivery delivery) {
		Post post = post(delivery);
		try {
			return switch (delivery.getAction()) {
				case CORRECT ->
					new Result(this.channel.correct(post, postRef(delivery), delivery.getDeliveryId()), null);
				case RETRACT ->
					new Result(this.channel.remove(post, postRef(delivery), delivery.getDeliveryId()), null);
				default -> new Result(this.channel.post(post, delivery.getDeliveryId()), null);
			};
		}
		catch (ChannelException ex) {
			return new Result(null, ex);
		}
		catch (RuntimeException ex) {
			logger.error("Channel {} failed unexpectedly on {}", this.channel.name(), delivery.getDeliveryId(), ex);
			return new Result(null, ChannelException.outcomeUnknown(
					"The notifier failed while posting (" + ex.getClass().getSimpleName() + "): " + ex.getMessage()));
		}
	}

	private PostRef postRef(Delivery delivery) {
		Delivery announcement = announcementOf(delivery);
		if (announcement == null || announcement.getExternalId() == null) {
			throw new IllegalStateException("No posted announcement for " + delivery.getDeliveryId());
		}
		return new PostRef(announcement.getExternalId(), announcement.getExternalUrl());
	}

	private Delivery outcome(Delivery attempting, Result result) {
		Instant now = now();
		if (result.receipt() != null) {
			this.failingInARow = 0;
			DeliveryReceipt receipt = result.receipt();
			logger.info("Delivered {} on {} {}", attempting.getDeliveryId(), this.channel.name(),
					(receipt.externalUrl() != null) ? receipt.externalUrl() : "");
			return change(attempting, DeliveryState.DELIVERED, now).setExternalId(receipt.externalId())
				.setExternalUrl(receipt.externalUrl())
				.setLastError(receipt.note())
				.build();
		}
		ChannelException failure = java.util.Objects.requireNonNull(result.failure());
		String error = failure.getMessage();
		logger.warn("Delivery {} on {} failed (attempt {}, {}): {}", attempting.getDeliveryId(), this.channel.name(),
				attempting.getAttempts(), failure.kind(), error);
		return switch (failure.kind()) {
			case TRANSIENT -> retryLater(attempting, error, failure.retryAfter().orElse(null), now);
			case OUTCOME_UNKNOWN ->
				this.channel.platform().retriesWithSameKey() ? retryLater(attempting, error, null, now)
						: change(attempting, DeliveryState.UNCERTAIN, now)
							.setLastError(error + ". It may have been posted: " + WHAT_TO_DO)
							.build();
			case RATE_LIMITED -> {
				Duration wait = failure.retryAfter().orElse(this.settings.maxBackoff());
				this.blockedUntil = now.plus(wait);
				yield change(attempting, DeliveryState.PENDING, now).setNextAttemptAt(this.blockedUntil)
					.setLastError(error)
					.build();
			}
			case CREDENTIALS_REFUSED -> {
				String reason = "Channel paused: " + error
						+ ". Fix the credentials or the bot's rights, then resume the channel";
				this.pausedBecause = reason;
				yield change(attempting, DeliveryState.PAUSED, now).setLastError(reason).build();
			}
			case REJECTED -> change(attempting, DeliveryState.FAILED, now).setLastError(error).build();
			case NOT_POSSIBLE -> change(attempting, (attempting.getAction() == DeliveryAction.ANNOUNCE)
					? DeliveryState.SKIPPED : DeliveryState.LEFT_TO_EDITOR, now)
				.setLastError(error)
				.build();
		};
	}

	/**
	 * Puts a delivery back to wait after a failure that may pass (a 5xx, a timeout), and
	 * holds the whole channel: while its platform keeps failing, one delivery at a time
	 * probes it, with a backoff that grows with the failures in a row, instead of every
	 * waiting delivery calling it on its own schedule. The first success lets the rest go
	 * at the channel's pace.
	 */
	private Delivery retryLater(Delivery attempting, String error, @Nullable Duration asked, Instant now) {
		this.failingInARow++;
		Duration wait = this.settings.backoff(Math.max(attempting.getAttempts(), this.failingInARow));
		if (asked != null && asked.compareTo(wait) > 0) {
			wait = asked;
		}
		Duration hold = this.settings.backoff(this.failingInARow);
		Instant heldUntil = now.plus((asked != null && asked.compareTo(hold) > 0) ? asked : hold);
		if (heldUntil.isAfter(this.blockedUntil)) {
			this.blockedUntil = heldUntil;
		}
		return change(attempting, DeliveryState.PENDING, now).setNextAttemptAt(now.plus(wait))
			.setLastError(error)
			.build();
	}

	private Duration writeUnwritten() {
		while (!this.unwritten.isEmpty()) {
			Delivery delivery = this.unwritten.get(0);
			try {
				this.ledger.write(delivery);
				this.unwritten.remove(0);
			}
			catch (LedgerUnavailableException ex) {
				logger.warn("Outcome of {} not written yet, will try again: {}", delivery.getDeliveryId(),
						ex.getMessage());
				return LEDGER_RETRY;
			}
		}
		return Duration.ZERO;
	}

	/** Writes a state change and takes it as known, or keeps it to write later. */
	private void write(Delivery delivery) {
		remember(delivery);
		try {
			this.ledger.write(delivery);
		}
		catch (LedgerUnavailableException ex) {
			this.unwritten.add(delivery);
		}
	}

	/** Takes a delivery's state as known, keeping the indexes in step. */
	private void remember(Delivery delivery) {
		String id = delivery.getDeliveryId();
		if (this.known.put(id, delivery) == null) {
			this.byArticle.computeIfAbsent(delivery.getArticleId(), (article) -> new ArrayList<>(2)).add(id);
		}
		if (isWaiting(delivery.getState())) {
			this.active.put(id, delivery);
		}
		else {
			this.active.remove(id);
		}
	}

	private List<Delivery> ofArticle(String articleId) {
		List<Delivery> deliveries = new ArrayList<>();
		for (String id : this.byArticle.getOrDefault(articleId, List.of())) {
			deliveries.add(this.known.get(id));
		}
		return deliveries;
	}

	private Delivery.Builder change(Delivery delivery, DeliveryState state, Instant now) {
		return Delivery.newBuilder(delivery)
			.setState(state)
			.setUpdatedAt(now)
			.setUpdatedBy(DeliveryPlanner.NOTIFIER)
			.setRevision(delivery.getRevision() + 1);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Post post(Delivery delivery) {
		dev.newsroom.events.notification.Post post = delivery.getPost();
		return new Post(delivery.getArticleId(), post.getTitle(), post.getLead(), post.getUrl(), post.getEdition(),
				post.getSection(), post.getBreaking(), post.getImageUrl(), post.getCorrectionNote(),
				post.getRetractionReason());
	}

	static TimeMeter timeMeter(Clock clock) {
		return new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return TimeUnit.MILLISECONDS.toNanos(clock.millis());
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
	}

	private record Result(@Nullable DeliveryReceipt receipt, @Nullable ChannelException failure) {
	}

}
