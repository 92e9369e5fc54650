package dev.newsroom.notifier.routing;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

import dev.newsroom.notifier.NotifierApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The notifier does not start with a route to a channel that is not configured, and says
 * which route it is.
 */
class RouteValidationTests {

	@Test
	void aBadRouteStopsTheNotifierWithAMessageThatNamesIt() {
		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(NotifierApplication.class).run(
				"--server.port=0", "--spring.main.banner-mode=off", "--spring.kafka.bootstrap-servers=localhost:1",
				"--newsroom.notifier.channels.telegram-en.platform=log", "--newsroom.notifier.routes[0].editions=ru",
				"--newsroom.notifier.routes[0].channels=telegram-ru"));

		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		assertThat(cause).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("newsroom.notifier.routes[0]")
			.hasMessageContaining("'telegram-ru'")
			.hasMessageContaining("configured: telegram-en");
	}

}
