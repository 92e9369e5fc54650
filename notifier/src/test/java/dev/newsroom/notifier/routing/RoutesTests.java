package dev.newsroom.notifier.routing;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Routes are checked when the notifier starts, and say which route is wrong.
 */
class RoutesTests {

	@Test
	void aRouteToAChannelThatIsNotConfiguredStopsTheNotifierNamingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Routes.of(Set.of("telegram-en"),
					List.of(new RouteSettings(List.of("en"), List.of(), false, List.of("telegram-en")),
							new RouteSettings(List.of("ru"), List.of(), false, List.of("telegram-ru")))))
			.withMessageContaining("newsroom.notifier.routes[1]")
			.withMessageContaining("'telegram-ru'")
			.withMessageContaining("configured: telegram-en");
	}

	@Test
	void aChannelNameThatCannotBePartOfADeliveryIdIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> Routes.of(Set.of("Telegram EN"), List.of()))
			.withMessageContaining("'Telegram EN'");
	}

	@Test
	void withoutRoutesEveryArticleGoesToEveryChannel() {
		Routes routes = Routes.of(Set.of("telegram-en"), List.of());
		assertThat(routes.channelsFor("ru", "sport", false)).containsExactly("telegram-en");
	}

	@Test
	void sectionsNarrowARoute() {
		Routes routes = Routes.of(Set.of("sport", "all"),
				List.of(new RouteSettings(List.of(), List.of("sport"), false, List.of("sport")),
						new RouteSettings(List.of("en"), List.of(), false, List.of("all"))));
		assertThat(routes.channelsFor("en", "sport", false)).containsExactly("sport", "all");
		assertThat(routes.channelsFor("en", "politics", false)).containsExactly("all");
		assertThat(routes.channelsFor("ru", "politics", false)).isEmpty();
	}

}
