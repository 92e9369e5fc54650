package dev.newsroom.publisher.publishing;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code PUT /api/articles/{id}/schedule}.
 *
 * @param publishAt when to publish the article: in the future, at most a year ahead
 */
record ScheduleRequest(@NotNull Instant publishAt) {
}
