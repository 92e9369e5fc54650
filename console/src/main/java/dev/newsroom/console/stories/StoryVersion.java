package dev.newsroom.console.stories;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A line of a story's history.
 *
 * @param version the version
 * @param what what happened, such as published, corrected or fixed silently
 * @param who the account that did it
 * @param at when
 * @param note the correction note or the reason for retracting, if any
 */
public record StoryVersion(long version, String what, String who, Instant at, @Nullable String note) {

	static StoryVersion of(JsonNode version) {
		JsonNode correction = version.path("correctionNote");
		JsonNode retraction = version.path("retractionReason");
		String note = correction.isString() ? correction.asString()
				: retraction.isString() ? retraction.asString() : null;
		String type = version.path("type").asString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		// An update with a public note is what editors call a correction; one without is
		// a
		// silent fix.
		String what = !type.equals("updated") ? type : correction.isString() ? "corrected" : "fixed silently";
		return new StoryVersion(version.path("version").asLong(), what, version.path("actor").asString(),
				Instant.parse(version.path("occurredAt").asString()), note);
	}

}
