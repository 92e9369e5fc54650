package dev.newsroom.feeds.stream;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.newsroom.feeds.web.InvalidParameterException;

/**
 * A place in the stream: for each partition of {@code newsroom.article-changes}, the
 * offset of the next record to read. It is what an event's id encodes, so a client that
 * reconnects with the id of the last event it got resumes with the next one, whatever
 * instance it reaches and however often the service restarted; the topic keeps every
 * record forever, so the offsets stay valid.
 * <p>
 * Written {@code v1.0:15,1:3,2:0}: a version, then {@code partition:offset} pairs. A
 * partition left out is read from its start.
 */
record Position(Map<Integer, Long> offsets) {

	private static final String VERSION = "v1.";

	private static final Pattern SYNTAX = Pattern.compile("v1\\.(\\d{1,5}:\\d{1,18})(,\\d{1,5}:\\d{1,18}){0,1023}");

	Position {
		offsets = Collections.unmodifiableMap(new TreeMap<>(offsets));
	}

	/**
	 * @param id an event id, as sent in an event and as a client sends it back in
	 * {@code Last-Event-ID}
	 * @return the position it encodes
	 * @throws InvalidParameterException if it is not one
	 */
	static Position parse(String id) {
		String trimmed = id.trim();
		if (!SYNTAX.matcher(trimmed).matches()) {
			throw new InvalidParameterException("Last-Event-ID",
					"'" + abbreviated(trimmed) + "' is not an event id of this stream. Send back the id of the last "
							+ "event received (such as v1.0:15,1:3), leave Last-Event-ID out to start with the next "
							+ "event, or pass ?since=<ISO-8601 time>.");
		}
		Map<Integer, Long> offsets = new TreeMap<>();
		for (String pair : trimmed.substring(VERSION.length()).split(",")) {
			int colon = pair.indexOf(':');
			if (offsets.put(Integer.valueOf(pair.substring(0, colon)),
					Long.valueOf(pair.substring(colon + 1))) != null) {
				throw new InvalidParameterException("Last-Event-ID",
						"'" + abbreviated(trimmed) + "' names partition " + pair.substring(0, colon)
								+ " twice. Send back the id of the last event received, as it came.");
			}
		}
		return new Position(offsets);
	}

	/**
	 * @param partition a partition
	 * @return the offset of the next record to read from it; 0 for a partition left out
	 */
	long next(int partition) {
		return this.offsets.getOrDefault(partition, 0L);
	}

	/**
	 * @param other another position
	 * @return whether this position has read nothing that the other has not, in any
	 * partition
	 */
	boolean isAtOrBefore(Position other) {
		return this.offsets.entrySet().stream().allMatch((entry) -> entry.getValue() <= other.next(entry.getKey()));
	}

	@Override
	public String toString() {
		StringBuilder id = new StringBuilder(VERSION);
		this.offsets.forEach((partition, offset) -> {
			if (id.length() > VERSION.length()) {
				id.append(',');
			}
			id.append(partition).append(':').append(offset);
		});
		return id.toString();
	}

	private static String abbreviated(String text) {
		return (text.length() <= 80) ? text : text.substring(0, 77) + "...";
	}

}
