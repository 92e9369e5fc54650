package dev.newsroom.bench.harness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OpenLoopScheduleTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void operationsAreDueAtFixedIntervalsFromTheStart() {
		OpenLoopSchedule schedule = new OpenLoopSchedule(5_000, 100);
		assertThat(schedule.intendedStart(0)).isEqualTo(5_000);
		assertThat(schedule.intendedStart(1)).isEqualTo(5_000 + 10_000_000);
		assertThat(schedule.intendedStart(6_000)).isEqualTo(5_000 + 60 * SECOND);
	}

	@Test
	void intervalsThatAreNotWholeNanosecondsDoNotDrift() {
		OpenLoopSchedule schedule = new OpenLoopSchedule(0, 3);
		assertThat(schedule.intendedStart(1)).isEqualTo(333_333_333);
		assertThat(schedule.intendedStart(2)).isEqualTo(666_666_667);
		assertThat(schedule.intendedStart(3)).isEqualTo(SECOND);
		assertThat(schedule.intendedStart(3 * 86_400)).isEqualTo(86_400 * SECOND);
	}

	@Test
	void ratesBelowOnePerSecondSpaceOperationsMoreThanASecondApart() {
		assertThat(new OpenLoopSchedule(0, 0.5).intendedStart(3)).isEqualTo(6 * SECOND);
	}

	@Test
	void countBeforeCountsTheOperationsDueBeforeAnOffset() {
		OpenLoopSchedule schedule = new OpenLoopSchedule(123, 10);
		assertThat(schedule.countBefore(0)).isZero();
		assertThat(schedule.countBefore(1)).isEqualTo(1);
		assertThat(schedule.countBefore(SECOND)).isEqualTo(10);
		assertThat(schedule.countBefore(SECOND + 1)).isEqualTo(11);
		assertThat(new OpenLoopSchedule(0, 3).countBefore(SECOND)).isEqualTo(3);
		assertThat(new OpenLoopSchedule(0, 3).countBefore(666_666_667)).isEqualTo(2);
		assertThat(new OpenLoopSchedule(0, 3).countBefore(666_666_668)).isEqualTo(3);
	}

	@Test
	void rateMustBeGreaterThanZero() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OpenLoopSchedule(0, 0))
			.withMessageContaining("greater than zero");
		assertThatIllegalArgumentException().isThrownBy(() -> new OpenLoopSchedule(0, Double.NaN));
	}

}
