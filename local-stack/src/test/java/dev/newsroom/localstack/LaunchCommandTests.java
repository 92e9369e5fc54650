package dev.newsroom.localstack;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaunchCommandTests {

	@Test
	void noArgumentsRunOneInstanceOfEach() {
		LaunchCommand command = LaunchCommand.parse(List.of());

		assertThat(command.status()).isFalse();
		assertThat(command.instancesOf("view-counter")).isEqualTo(1);
	}

	@Test
	void instancesAreGivenPerService() {
		assertThat(LaunchCommand.parse(List.of("--instances", "view-counter=2,notifier=3")).instances())
			.isEqualTo(Map.of("view-counter", 2, "notifier", 3));
		assertThat(LaunchCommand.parse(List.of("--instances=publisher=2")).instancesOf("publisher")).isEqualTo(2);
	}

	@Test
	void statusIsACommandOfItsOwn() {
		assertThat(LaunchCommand.parse(List.of("status")).status()).isTrue();
	}

	@Test
	void nonsenseIsRefusedWithTheUsage() {
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchCommand.parse(List.of("--instance", "x")))
			.withMessageContaining("Unknown argument '--instance'")
			.withMessageContaining("Usage:");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchCommand.parse(List.of("--instances", "schema-registry=2")))
			.withMessageContaining("'schema-registry' cannot be scaled out");
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchCommand.parse(List.of("--instances", "notifier=0")))
			.withMessageContaining("from 1 to 8, not '0'");
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchCommand.parse(List.of("--instances", "notifier")))
			.withMessageContaining("is not <service>=<n>");
	}

}
