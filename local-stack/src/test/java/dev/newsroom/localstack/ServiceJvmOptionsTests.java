package dev.newsroom.localstack;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceJvmOptionsTests {

	private static final LocalStackSettings SETTINGS = new LocalStackSettings(Path.of("."), Path.of(".newsroom"), 19192,
			19193, 18181, 18182, 18183, 18184, 18185, 18186, "http://localhost:8080",
			List.of("-XX:+UseSerialGC", "-Xmx192m"), false);

	@Test
	void theViewCounterGetsItsOwnHeapCapAfterTheServicesOptionsWhichTheJvmTakesLast() {
		assertThat(SETTINGS.jvmOptionsOf("view-counter")).containsExactly("-XX:+UseSerialGC", "-Xmx192m", "-Xmx512m");
	}

	@Test
	void otherServicesGetTheServicesOptionsOnly() {
		assertThat(SETTINGS.jvmOptionsOf("publisher")).containsExactly("-XX:+UseSerialGC", "-Xmx192m");
		assertThat(SETTINGS.jvmOptionsOf("notifier")).containsExactly("-XX:+UseSerialGC", "-Xmx192m");
	}

}
