package dev.newsroom.bench.harness;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The driver on a {@link FakeTicker}: schedules, warm-up, limits and latencies, checked
 * exactly and without waiting.
 */
class OpenLoopDriverTests {

	private static final long MILLI = 1_000_000L;

	private final FakeTicker ticker = new FakeTicker(42 * MILLI);

	@Test
	void warmUpOperationsAreStartedButNotRecorded() throws InterruptedException {
		List<Long> started = new ArrayList<>();
		LoadResult result = driver(10).run(plan(10, 1, 2), (n) -> {
			started.add(n);
			return CompletableFuture.completedFuture("201");
		});
		assertThat(started).hasSize(30).startsWith(0L, 1L).endsWith(29L);
		assertThat(result.requests()).isEqualTo(20);
		assertThat(result.outcomes()).containsExactly(Map.entry("201", 20L));
		assertThat(result.latenciesMicros().getTotalCount()).isEqualTo(20);
		assertThat(result.answersPerSecond()).isEqualTo(10);
	}

	@Test
	void operationsAreStartedOnScheduleWhateverTheirAnswers() throws InterruptedException {
		List<Long> startTimes = new ArrayList<>();
		driver(100).run(plan(10, 0, 1), (n) -> {
			startTimes.add(this.ticker.nanoTime());
			return new CompletableFuture<>();
		});
		assertThat(startTimes).hasSize(10);
		for (int n = 0; n < 10; n++) {
			assertThat(startTimes.get(n)).isEqualTo(42 * MILLI + n * 100 * MILLI);
		}
	}

	@Test
	void aStallCountsAgainstEveryOperationDueDuringIt() throws InterruptedException {
		LoadResult result = driver(10).run(plan(10, 0, 1), answeredAtOnceExceptStall(0, 350));
		// Operations 1 to 3 were due at 100, 200 and 300 ms, while operation 0 stalled
		// the sender until 350 ms; they waited 250, 150 and 50 ms before they could
		// start.
		assertThat(result.latenciesMicros().getTotalCount()).isEqualTo(10);
		assertThat(result.latenciesMicros().getCountAtValue(350_000)).isEqualTo(1);
		assertThat(result.latenciesMicros().getCountAtValue(250_000)).isEqualTo(1);
		assertThat(result.latenciesMicros().getCountAtValue(150_000)).isEqualTo(1);
		assertThat(result.latenciesMicros().getCountAtValue(50_000)).isEqualTo(1);
		assertThat(result.latenciesMicros().getCountAtValue(0)).isEqualTo(6);
	}

	@Test
	void operationsDueWhileTheLimitIsInFlightAreNotSent() throws InterruptedException {
		List<CompletableFuture<String>> pending = new ArrayList<>();
		LoadResult result = driver(3).run(plan(10, 0, 1), unanswered(pending));
		assertThat(pending).hasSize(3);
		assertThat(result.requests()).isEqualTo(10);
		assertThat(result.outcomes()).containsExactly(Map.entry(LoadResult.NOT_FINISHED, 3L),
				Map.entry(LoadResult.NOT_SENT, 7L));
		assertThat(result.latenciesMicros().getTotalCount()).isZero();
		assertThat(result.answersPerSecond()).isZero();
	}

	@Test
	void operationsThatFinishAfterTheRunDoNotChangeItsResult() throws InterruptedException {
		List<CompletableFuture<String>> pending = new ArrayList<>();
		LoadResult result = driver(10).run(plan(10, 0, 1), unanswered(pending));
		pending.forEach((answer) -> answer.complete("201"));
		assertThat(result.outcomes()).containsExactly(Map.entry(LoadResult.NOT_FINISHED, 10L));
		assertThat(result.latenciesMicros().getTotalCount()).isZero();
	}

	@Test
	void failuresAreCountedByTheirExceptionAndLeftOutOfTheLatencies() throws InterruptedException {
		LoadResult result = driver(10).run(plan(10, 0, 1),
				(n) -> (n % 2 == 0) ? CompletableFuture.completedFuture("201")
						: CompletableFuture.failedFuture(new CompletionException(new ConnectException("refused"))));
		assertThat(result.outcomes()).containsExactly(Map.entry("201", 5L), Map.entry("ConnectException", 5L));
		assertThat(result.latenciesMicros().getTotalCount()).isEqualTo(5);
	}

	@Test
	void answerRateStretchesOverAnswersThatCameAfterTheRecordedDuration() throws InterruptedException {
		LoadResult result = driver(10).run(plan(10, 0, 1), answeredAtOnceExceptStall(9, 1_000));
		// operation 9 was due at 900 ms and answered at 1,900 ms
		assertThat(result.answersPerSecond()).isCloseTo(10 / 1.9, within(1e-9));
	}

	/**
	 * Operations answered 201 as soon as they start, except that one holds up the sender
	 * (as a stalled system would) before it is answered.
	 */
	private Operation answeredAtOnceExceptStall(long stalled, long stallMillis) {
		return (n) -> {
			if (n == stalled) {
				this.ticker.advance(stallMillis * MILLI);
			}
			return CompletableFuture.completedFuture("201");
		};
	}

	/**
	 * Operations that are never answered, unless the test completes them.
	 */
	private static Operation unanswered(List<CompletableFuture<String>> pending) {
		return (n) -> {
			CompletableFuture<String> answer = new CompletableFuture<>();
			pending.add(answer);
			return answer;
		};
	}

	private OpenLoopDriver driver(int maxInFlight) {
		return new OpenLoopDriver(this.ticker, maxInFlight, Duration.ZERO);
	}

	private static LoadPlan plan(double rate, long warmupSeconds, long durationSeconds) {
		return new LoadPlan(rate, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds));
	}

}
