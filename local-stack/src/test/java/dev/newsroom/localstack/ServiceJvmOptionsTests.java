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
	void theServicesThatHoldTheirStateInMemoryGetTheirOwnHeapCapAfterTheServicesOptionsWhichTheJvmTakesLast() {
		for (String service : List.of("view-counter", "publisher", "feeds", "notifier")) {
			assertThat(SETTINGS.jvmOptionsOf(service)).as(service)
				.containsExactly("-XX:+UseSerialGC", "-Xmx192m", "-Xmx512m");
		}
	}

	@Test
	void otherServicesGetTheServicesOptionsOnly() {
		assertThat(SETTINGS.jvmOptionsOf("schema-registry")).containsExactly("-XX:+UseSerialGC", "-Xmx192m");
		assertThat(SETTINGS.jvmOptionsOf("console")).containsExactly("-XX:+UseSerialGC", "-Xmx192m");
	}

	@Test
	void aServicesOwnOptionsCanBeReplacedWithASystemProperty() {
		System.setProperty("newsroom.publisher.jvm-options", "-Xmx1g -XX:+AlwaysPreTouch");
		try {
			assertThat(SETTINGS.jvmOptionsOf("publisher")).containsExactly("-XX:+UseSerialGC", "-Xmx192m", "-Xmx1g",
					"-XX:+AlwaysPreTouch");
		}
		finally {
			System.clearProperty("newsroom.publisher.jvm-options");
		}
	}

}
