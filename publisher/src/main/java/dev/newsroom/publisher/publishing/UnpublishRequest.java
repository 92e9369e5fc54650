package dev.newsroom.publisher.publishing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/articles/{id}/unpublish}.
 *
 * @param reason why the article is retracted; readers who follow an old link see it
 */
record UnpublishRequest(@NotNull @PlainText @Size(max = 1000) String reason) {
}
