package dev.newsroom.localstack;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PortAssignmentTests {

	private static final LocalStackSettings SETTINGS = new LocalStackSettings(Path.of("."), Path.of(".newsroom"), 19192,
			19193, 18181, 18182, 18183, 18184, 18185, 18186, "http://localhost:8080", List.of(), false);

	@Test
	void extraInstancesTakeTheNextFreePortsAfterTheServicesOwn() throws Exception {
		try (ServerSocket busy = new ServerSocket()) {
			busy.setReuseAddress(true);
			busy.bind(new InetSocketAddress(18187));

			Map<String, List<Integer>> ports = LocalStack.assignPorts(SETTINGS,
					LaunchCommand.parse(List.of("--instances", "view-counter=2,notifier=3")));

			assertThat(ports).containsEntry("publisher", List.of(18182))
				.containsEntry("view-counter", List.of(18183, 18188))
				.containsEntry("notifier", List.of(18184, 18189, 18190))
				.containsEntry("feeds", List.of(18185))
				.containsEntry("console", List.of(18186));
		}
	}

	@Test
	void aTakenPortOfAFirstInstanceStopsTheStartWithItsName() throws Exception {
		try (ServerSocket busy = new ServerSocket()) {
			busy.setReuseAddress(true);
			busy.bind(new InetSocketAddress(18183));

			assertThatIllegalStateException()
				.isThrownBy(() -> LocalStack.assignPorts(SETTINGS, LaunchCommand.parse(List.of())))
				.withMessageStartingWith("Port 18183, which view-counter-1 needs, is already in use");
		}
	}

}
