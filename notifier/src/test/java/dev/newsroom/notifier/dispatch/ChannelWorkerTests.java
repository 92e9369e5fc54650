package dev.newsroom.notifier.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.Optional;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.notification.Delivery;
import dev.newsroom.events.notification.DeliveryAction;
import dev.newsroom.events.notification.DeliveryState;
import dev.newsroom.events.notification.Post;
import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.Platform;
import dev.newsroom.notifier.ledger.DeliveryIds;
import dev.newsroom.notifier.ledger.DeliveryWrites;
import dev.newsroom.notifier.ledger.LedgerUnavailableException;
import dev.newsroom.notifier.routing.ChannelSettings;
import dev.newsroom.notifier.routing.Channels;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery engine's decisions for one channel, on a clock the test moves: no delivery
 * is dropped while a platform is down, rate limits and paces are kept, refused
 * credentials pause the channel, a crash mid-post never posts blindly again, and
 * corrections and retractions reach the post the ledger names.
 */
class ChannelWorkerTests {

	private static final Instant START = Instant.parse("2026-11-29T08:00:00Z");

	private static final DeliverySettings SETTINGS = new DeliverySettings(Duration.ofHours(24), Duration.ofSeconds(1),
			Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(60));

	private final ManualClock clock = new ManualClock(START);

	private final List<Delivery> written = new ArrayList<>();

	private boolean ledgerDown;

	private final DeliveryWrites writes = (delivery) -> {
		if (this.ledgerDown) {
			throw new LedgerUnavailableException(delivery, "newsroom.deliveries", new IllegalStateException("down"));
		}
		this.written.add(delivery);
	};

	@Test
	void aPublicationIsPostedOnceAndRecordedWithThePostsId() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		ChannelWorker worker = worker(telegram, null, announce("a-1", false));

		run(worker, Duration.ofSeconds(1));

		assertThat(telegram.calls).containsExactly("post a-1");
		Delivery delivery = latest("telegram-en:a-1:announce:1");
		assertThat(delivery.getState()).isEqualTo(DeliveryState.DELIVERED);
		assertThat(delivery.getExternalId()).isEqualTo("post-a-1");
		assertThat(delivery.getAttempts()).isEqualTo(1);
		assertThat(states("telegram-en:a-1:announce:1")).containsExactly(DeliveryState.ATTEMPTING,
				DeliveryState.DELIVERED);
	}

	@Test
	void aPlatformAnswering500ForTenMinutesThenOkGetsOnePostInTheEnd() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		telegram.failure = (call) -> this.clock.instant().isBefore(START.plus(Duration.ofMinutes(10)))
				? ChannelException.transientFailure("Telegram refused sendMessage: 500 Internal Server Error", null)
				: null;
		ChannelWorker worker = worker(telegram, null, announce("a-1", false));

		run(worker, Duration.ofMinutes(30));

		assertThat(telegram.successfulCalls("post")).isEqualTo(1);
		Delivery delivery = latest("telegram-en:a-1:announce:1");
		assertThat(delivery.getState()).isEqualTo(DeliveryState.DELIVERED);
		assertThat(delivery.getAttempts()).isGreaterThan(5);
		assertThat(states("telegram-en:a-1:announce:1")).doesNotContain(DeliveryState.FAILED, DeliveryState.EXPIRED);
		// Backoff doubles from 1 s and never waits more than 5 minutes.
		List<Instant> times = telegram.callTimes;
		for (int i = 1; i < times.size(); i++) {
			assertThat(Duration.between(times.get(i - 1), times.get(i))).isLessThanOrEqualTo(Duration.ofMinutes(5));
		}
	}

	@Test
	void aFailingPlatformIsProbedOneDeliveryAtATimeNotByTheWholeBacklog() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		telegram.failure = (call) -> this.clock.instant().isBefore(START.plus(Duration.ofMinutes(10)))
				? ChannelException.transientFailure("Telegram refused sendMessage: 502 Bad Gateway", null) : null;
		Delivery[] backlog = IntStream.range(0, 50).mapToObj((n) -> announce("a-" + n, false)).toArray(Delivery[]::new);
		ChannelWorker worker = worker(telegram, null, backlog);

		run(worker, Duration.ofMinutes(10));
		int callsWhileFailing = telegram.calls.size();
		run(worker, Duration.ofMinutes(20));

		// Backoff doubling from 1 s to 5 min is 10 calls in 10 min for the whole channel;
		// each of the 50 on its own schedule would have made about 500.
		assertThat(callsWhileFailing).isBetween(5, 15);
		for (int n = 0; n < 50; n++) {
			assertThat(latest("telegram-en:a-" + n + ":announce:1").getState()).isEqualTo(DeliveryState.DELIVERED);
		}
		assertThat(telegram.successfulCalls("post")).isEqualTo(50);
	}

	@Test
	void aRateLimitWithRetryAfter60HoldsTheWholeChannelAtLeastThatLong() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		telegram.failure = (call) -> (call == 1) ? ChannelException.rateLimited(
				"Telegram refused sendMessage: 429 Too Many Requests: retry after 60", Duration.ofSeconds(60)) : null;
		ChannelWorker worker = worker(telegram, null, announce("a-1", false), announce("a-2", false));

		run(worker, Duration.ofMinutes(3));

		assertThat(telegram.calls).hasSize(3);
		assertThat(Duration.between(telegram.callTimes.get(0), telegram.callTimes.get(1)))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(60));
		assertThat(latest("telegram-en:a-1:announce:1").getState()).isEqualTo(DeliveryState.DELIVERED);
		assertThat(latest("telegram-en:a-2:announce:1").getState()).isEqualTo(DeliveryState.DELIVERED);
	}

	@Test
	void refusedCredentialsPauseTheChannelKeepingEveryDeliveryUntilAnEditorResumesIt() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		telegram.failure = (call) -> (call == 1) ? ChannelException
			.credentialsRefused("Telegram refused sendMessage to @news: 403 Forbidden: bot was kicked") : null;
		ChannelWorker worker = worker(telegram, null, announce("a-1", false), announce("a-2", false));

		run(worker, Duration.ofHours(1));

		assertThat(telegram.calls).hasSize(1);
		assertThat(worker.pausedBecause())
			.hasValueSatisfying((reason) -> assertThat(reason).contains("bot was kicked"));
		assertThat(latest("telegram-en:a-1:announce:1").getState()).isEqualTo(DeliveryState.PAUSED);
		assertThat(latest("telegram-en:a-2:announce:1").getState()).isEqualTo(DeliveryState.PAUSED);
		assertThat(latest("telegram-en:a-2:announce:1").getLastError()).contains("bot was kicked");

		for (String id : List.of("telegram-en:a-1:announce:1", "telegram-en:a-2:announce:1")) {
			Delivery paused = latest(id);
			worker.offer(Delivery.newBuilder(paused)
				.setState(DeliveryState.PENDING)
				.setUpdatedBy("editor-1")
				.setRevision(paused.getRevision() + 1)
				.build());
		}
		run(worker, Duration.ofMinutes(1));

		assertThat(worker.pausedBecause()).isEmpty();
		assertThat(telegram.successfulCalls("post")).isEqualTo(2);
		assertThat(latest("telegram-en:a-2:announce:1").getState()).isEqualTo(DeliveryState.DELIVERED);
	}

	@Test
	void aPostInterruptedByACrashIsLeftUncertainWhereThePlatformCannotRecogniseARetry() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		Delivery interrupted = Delivery.newBuilder(announce("a-1", false))
			.setState(DeliveryState.ATTEMPTING)
			.setAttempts(1)
			.setRevision(2)
			.build();
		ChannelWorker worker = worker(telegram, null, interrupted);

		run(worker, Duration.ofHours(1));

		assertThat(telegram.calls).isEmpty();
		assertThat(latest("telegram-en:a-1:announce:1").getState()).isEqualTo(DeliveryState.UNCERTAIN);
		assertThat(latest("telegram-en:a-1:announce:1").getLastError()).contains("check the channel");
	}

	@Test
	void aPostInterruptedByACrashIsRetriedWithTheSameKeyWhereThePlatformRecognisesIt() {
		ScriptedChannel webhook = new ScriptedChannel("partner", Platform.WEBHOOK);
		Delivery interrupted = Delivery.newBuilder(announce("partner", "a-1", false))
			.setState(DeliveryState.ATTEMPTING)
			.setAttempts(1)
			.setRevision(2)
			.build();
		ChannelWorker worker = worker(webhook, null, interrupted);

		run(worker, Duration.ofSeconds(5));

		assertThat(webhook.calls).containsExactly("post a-1");
		assertThat(latest("partner:a-1:announce:1").getState()).isEqualTo(DeliveryState.DELIVERED);
	}

	@Test
	void anUnreadableAnswerIsUncertainOnTelegramButRetriedOnAWebhook() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		telegram.failure = (call) -> (call == 1)
				? ChannelException.outcomeUnknown("Telegram answered HTTP 200 with a body that is not the Bot API's")
				: null;
		run(worker(telegram, null, announce("a-1", false)), Duration.ofMinutes(5));
		assertThat(telegram.calls).hasSize(1);
		assertThat(latest("telegram-en:a-1:announce:1").getState()).isEqualTo(DeliveryState.UNCERTAIN);

		ScriptedChannel webhook = new ScriptedChannel("partner", Platform.WEBHOOK);
		webhook.failure = telegram.failure;
		run(worker(webhook, null, announce("partner", "a-1", false)), Duration.ofMinutes(5));
		assertThat(webhook.calls).hasSize(2);
		assertThat(latest("partner:a-1:announce:1").getState()).isEqualTo(DeliveryState.DELIVERED);
	}

	@Test
	void aRetractionBeforeThePostCancelsTheAnnouncementAndCallsNothing() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		telegram.failure = (call) -> ChannelException.transientFailure("down", null);
		ChannelWorker worker = worker(telegram, null, announce("a-1", false));
		run(worker, Duration.ofMillis(500));
		worker.offer(retract("a-1", 2));

		run(worker, Duration.ofMinutes(5));

		assertThat(telegram.calls).hasSize(1);
		assertThat(latest("telegram-en:a-1:announce:1").getState()).isEqualTo(DeliveryState.CANCELLED);
		assertThat(latest("telegram-en:a-1:retract:2").getState()).isEqualTo(DeliveryState.SKIPPED);
	}

	@Test
	void aCorrectionEditsAndARetractionDeletesThePostTheLedgerNames() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		ChannelWorker worker = worker(telegram, null, announce("a-1", false));
		run(worker, Duration.ofSeconds(1));
		worker.offer(correct("a-1", 2));
		run(worker, Duration.ofSeconds(1));
		worker.offer(retract("a-1", 3));
		run(worker, Duration.ofSeconds(1));

		assertThat(telegram.calls).containsExactly("post a-1", "edit post-a-1", "delete post-a-1");
		assertThat(latest("telegram-en:a-1:correct:2").getState()).isEqualTo(DeliveryState.DELIVERED);
		assertThat(latest("telegram-en:a-1:retract:3").getExternalId()).isEqualTo("post-a-1");
	}

	@Test
	void aCorrectionWaitsForItsAnnouncement() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		telegram.failure = (call) -> this.clock.instant().isBefore(START.plusSeconds(30))
				? ChannelException.transientFailure("down", null) : null;
		ChannelWorker worker = worker(telegram, null, announce("a-1", false), correct("a-1", 2));

		run(worker, Duration.ofMinutes(2));

		assertThat(telegram.calls.stream().filter((call) -> !call.contains("->"))).containsExactly("post a-1",
				"edit post-a-1");
	}

	@Test
	void retractionsGoFirstThenBreakingNews() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		Delivery posted = Delivery.newBuilder(announce("a-0", false))
			.setState(DeliveryState.DELIVERED)
			.setExternalId("post-a-0")
			.build();
		ChannelWorker worker = worker(telegram, null, posted, announce("a-1", false), announce("a-2", true),
				retract("a-0", 2));

		run(worker, Duration.ofSeconds(1));

		assertThat(telegram.calls).containsExactly("delete post-a-0", "post a-2", "post a-1");
	}

	@Test
	void theChannelKeepsItsPace() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		Delivery[] many = IntStream.rangeClosed(1, 25)
			.mapToObj((i) -> announce("a-" + i, false))
			.toArray(Delivery[]::new);
		ChannelWorker worker = worker(telegram, new ChannelSettings.Pacing(20, Duration.ofMinutes(1)), many);

		run(worker, Duration.ZERO);
		assertThat(telegram.calls).hasSize(20);
		run(worker, Duration.ofSeconds(3));
		assertThat(telegram.calls).hasSize(21);
		run(worker, Duration.ofSeconds(12));
		assertThat(telegram.calls).hasSize(25);
	}

	@Test
	void aDeliveryExpiresOnlyAfterItsAgeAndSaysWhy() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		telegram.failure = (call) -> ChannelException.transientFailure("Telegram refused: 502 Bad Gateway", null);
		ChannelWorker worker = worker(telegram, null, announce("a-1", false));

		run(worker, Duration.ofHours(23));
		assertThat(latest("telegram-en:a-1:announce:1").getState()).isEqualTo(DeliveryState.PENDING);

		run(worker, Duration.ofHours(2));
		Delivery expired = latest("telegram-en:a-1:announce:1");
		assertThat(expired.getState()).isEqualTo(DeliveryState.EXPIRED);
		assertThat(expired.getLastError()).contains("502 Bad Gateway");
	}

	@Test
	void nothingIsPostedWhileTheLedgerCannotRecordTheAttempt() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		ChannelWorker worker = worker(telegram, null, announce("a-1", false));
		this.ledgerDown = true;

		run(worker, Duration.ofSeconds(30));
		assertThat(telegram.calls).isEmpty();

		this.ledgerDown = false;
		run(worker, Duration.ofSeconds(5));
		assertThat(telegram.calls).containsExactly("post a-1");
		assertThat(latest("telegram-en:a-1:announce:1").getState()).isEqualTo(DeliveryState.DELIVERED);
	}

	@Test
	void anEditorsRetryOfAnUncertainDeliveryPostsIt() {
		ScriptedChannel telegram = channel(Platform.TELEGRAM);
		Delivery uncertain = Delivery.newBuilder(announce("a-1", false))
			.setState(DeliveryState.UNCERTAIN)
			.setAttempts(1)
			.setRevision(3)
			.build();
		ChannelWorker worker = worker(telegram, null, uncertain);
		run(worker, Duration.ofSeconds(1));
		assertThat(telegram.calls).isEmpty();

		worker.offer(Delivery.newBuilder(uncertain)
			.setState(DeliveryState.PENDING)
			.setUpdatedBy("editor-1")
			.setRevision(4)
			.build());
		run(worker, Duration.ofSeconds(1));

		assertThat(telegram.calls).containsExactly("post a-1");
	}

	private ScriptedChannel channel(Platform platform) {
		ScriptedChannel channel = new ScriptedChannel("telegram-en", platform);
		channel.clock = this.clock;
		return channel;
	}

	private ChannelWorker worker(ScriptedChannel channel, ChannelSettings.@Nullable Pacing pacing,
			Delivery... existing) {
		channel.clock = this.clock;
		return new ChannelWorker(new Channels.Configured(channel, pacing, Duration.ofHours(24)), this.writes, SETTINGS,
				this.clock, List.of(existing));
	}

	/**
	 * Steps the worker, moving the clock as far as it asks to wait, until the time is up.
	 */
	private void run(ChannelWorker worker, Duration duration) {
		Instant end = this.clock.instant().plus(duration);
		for (int steps = 0; steps < 100_000; steps++) {
			Duration wait = worker.step();
			if (wait.isZero()) {
				continue;
			}
			Duration left = Duration.between(this.clock.instant(), end);
			if (left.isNegative() || left.isZero()) {
				return;
			}
			this.clock.advance((wait.compareTo(left) < 0) ? wait : left);
		}
		throw new AssertionError("The worker never settled");
	}

	private Delivery latest(String id) {
		Optional<Delivery> latest = this.written.stream()
			.filter((delivery) -> delivery.getDeliveryId().equals(id))
			.reduce((first, second) -> second);
		return latest.orElseThrow(() -> new AssertionError("Nothing written for " + id + ": " + this.written));
	}

	private List<DeliveryState> states(String id) {
		return this.written.stream()
			.filter((delivery) -> delivery.getDeliveryId().equals(id))
			.map(Delivery::getState)
			.toList();
	}

	private Delivery announce(String articleId, boolean breaking) {
		return announce("telegram-en", articleId, breaking);
	}

	private Delivery announce(String channel, String articleId, boolean breaking) {
		return delivery(channel, articleId, DeliveryAction.ANNOUNCE, 1, breaking, null);
	}

	private Delivery correct(String articleId, long version) {
		return delivery("telegram-en", articleId, DeliveryAction.CORRECT, version, false, "The vote was 120 to 30.");
	}

	private Delivery retract(String articleId, long version) {
		return delivery("telegram-en", articleId, DeliveryAction.RETRACT, version, false, null);
	}

	private Delivery delivery(String channel, String articleId, DeliveryAction action, long version, boolean breaking,
			@Nullable String note) {
		Instant now = this.clock.instant();
		return Delivery.newBuilder()
			.setDeliveryId(DeliveryIds.of(channel, articleId, action, version))
			.setChannel(channel)
			.setPlatform("telegram")
			.setTarget("@" + channel)
			.setArticleId(articleId)
			.setArticleVersion(version)
			.setEventId("e-" + articleId + "-" + version)
			.setAction(action)
			.setPost(Post.newBuilder()
				.setTitle("Title of " + articleId)
				.setLead("Lead.")
				.setUrl("https://news.example/en/" + articleId)
				.setEdition("en")
				.setSection("politics")
				.setBreaking(breaking)
				.setCorrectionNote(note)
				.build())
			.setState(DeliveryState.PENDING)
			.setAttempts(0)
			.setPlannedAt(now)
			.setExpiresAt((action == DeliveryAction.RETRACT) ? null : now.plus(Duration.ofHours(24)))
			.setUpdatedAt(now)
			.setUpdatedBy("notifier")
			.setRevision(1)
			.build();
	}

}
