package dev.newsroom.console.stories;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A story's views over the last 24 hours, by hour, drawn as bars: the view counter's
 * series, scaled to the chart's height so that the template only places them.
 *
 * @param bars one per hour, oldest first; the last hour is under way
 * @param max the most views in one hour, the top of the scale
 * @param total the views in the 24 hours
 */
public record ViewsChart(List<Bar> bars, long max, long total) {

	/** The drawing's height, in its own units, for the tallest bar. */
	public static final int HEIGHT = 100;

	/** Each bar's slot width, in the drawing's units. */
	public static final int SLOT = 20;

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

	/**
	 * @param series the view counter's answer to {@code /api/articles/{id}/views/by-hour}
	 * @return the chart
	 */
	static ViewsChart of(JsonNode series) {
		List<JsonNode> hours = series.path("hours").valueStream().toList();
		long max = hours.stream().mapToLong((hour) -> hour.path("views").asLong()).max().orElse(0);
		long total = hours.stream().mapToLong((hour) -> hour.path("views").asLong()).sum();
		List<Bar> bars = new ArrayList<>(hours.size());
		for (int i = 0; i < hours.size(); i++) {
			Instant start = Instant.parse(hours.get(i).path("start").asString());
			long views = hours.get(i).path("views").asLong();
			int height = (max == 0) ? 0 : (int) Math.max((views > 0) ? 1 : 0, views * HEIGHT / max);
			bars.add(new Bar(start, HOUR.format(start), views, i * SLOT + 2, HEIGHT - height, height, i % 6 == 0));
		}
		return new ViewsChart(List.copyOf(bars), max, total);
	}

	/**
	 * @return the drawing's width
	 */
	public int width() {
		return this.bars.size() * SLOT;
	}

	/**
	 * One hour's bar.
	 *
	 * @param start the hour's start
	 * @param label the hour as {@code HH:mm} UTC
	 * @param views its views
	 * @param x the bar's left edge
	 * @param y the bar's top edge
	 * @param height the bar's height
	 * @param labelled whether the hour is written under the chart (every sixth)
	 */
	public record Bar(Instant start, String label, long views, int x, int y, int height, boolean labelled) {

	}

}
