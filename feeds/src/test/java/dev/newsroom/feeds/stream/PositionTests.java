package dev.newsroom.feeds.stream;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.newsroom.feeds.web.InvalidParameterException;

class PositionTests {

	@Test
	void anIdReadsBackAsThePositionItWasWrittenFrom() {
		Position position = new Position(Map.of(2, 0L, 0, 15L, 1, 3L));
		assertThat(position).hasToString("v1.0:15,1:3,2:0");
		assertThat(Position.parse(position.toString())).isEqualTo(position);
		assertThat(Position.parse("  v1.0:15,1:3,2:0 ")).isEqualTo(position);
	}

	@Test
	void aPartitionLeftOutIsReadFromItsStart() {
		assertThat(Position.parse("v1.1:7").next(0)).isZero();
		assertThat(Position.parse("v1.1:7").next(1)).isEqualTo(7);
	}

	@Test
	void isAtOrBeforeComparesEveryPartition() {
		Position head = Position.parse("v1.0:10,1:10");
		assertThat(Position.parse("v1.0:10,1:9").isAtOrBefore(head)).isTrue();
		assertThat(Position.parse("v1.0:11,1:0").isAtOrBefore(head)).isFalse();
		assertThat(Position.parse("v1.2:1").isAtOrBefore(head)).as("a partition the other has not read").isFalse();
	}

	@Test
	void somethingThatIsNoIdIsRefusedWithWhatToSendInstead() {
		for (String garbage : new String[] { "", "42", "v2.0:1", "v1.", "v1.0:-1", "v1.0:1;1:2", "v1.a:1",
				"v1.0:99999999999999999999" }) {
			assertThatExceptionOfType(InvalidParameterException.class).as(garbage)
				.isThrownBy(() -> Position.parse(garbage))
				.withMessageContaining("is not an event id of this stream");
		}
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> Position.parse("v1.0:1,0:2"))
			.withMessageContaining("names partition 0 twice");
	}

}
