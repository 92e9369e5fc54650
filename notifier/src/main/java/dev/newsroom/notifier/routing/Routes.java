package dev.newsroom.notifier.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which channels an article goes to, by its edition, its section and whether it is
 * breaking news. Checked when built: every route names configured channels, and every
 * channel name can be part of a delivery id.
 */
public final class Routes {

	private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private final List<RouteSettings> routes;

	private Routes(List<RouteSettings> routes) {
		this.routes = List.copyOf(routes);
	}

	/**
	 * @param channels the configured channels' names
	 * @param routes the configured routes; when there are none, every article goes to
	 * every channel
	 * @return the routes
	 * @throws IllegalStateException naming the route or channel that is wrong
	 */
	public static Routes of(Set<String> channels, List<RouteSettings> routes) {
		for (String channel : channels) {
			if (!CHANNEL_NAME.matcher(channel).matches()) {
				throw new IllegalStateException("Channel name '" + channel + "' under newsroom.notifier.channels is "
						+ "not allowed: use lower-case letters, digits and dashes, such as telegram-en");
			}
		}
		if (routes.isEmpty()) {
			return new Routes(List.of(new RouteSettings(List.of(), List.of(), false, List.copyOf(channels))));
		}
		for (int i = 0; i < routes.size(); i++) {
			for (String channel : routes.get(i).channels()) {
				if (!channels.contains(channel)) {
					throw new IllegalStateException("newsroom.notifier.routes[" + i + "] sends articles to channel '"
							+ channel + "', which is not configured under newsroom.notifier.channels (configured: "
							+ String.join(", ", channels) + "). Configure it, or remove it from the route.");
				}
			}
		}
		return new Routes(routes);
	}

	/**
	 * @param edition the article's edition
	 * @param section its section
	 * @param breaking whether it is breaking news
	 * @return the channels it goes to, in the order routes name them
	 */
	public Set<String> channelsFor(String edition, String section, boolean breaking) {
		Set<String> channels = new LinkedHashSet<>();
		for (RouteSettings route : this.routes) {
			if (route.matches(edition, section, breaking)) {
				channels.addAll(route.channels());
			}
		}
		return channels;
	}

	/**
	 * @return a line per route, for the startup log
	 */
	public List<String> describe() {
		List<String> lines = new ArrayList<>();
		for (RouteSettings route : this.routes) {
			lines.add(Map.of("editions", route.editions().isEmpty() ? "all" : route.editions(), "sections",
					route.sections().isEmpty() ? "all" : route.sections(), "breaking only", route.breakingOnly())
					+ " -> " + route.channels());
		}
		return lines;
	}

}
