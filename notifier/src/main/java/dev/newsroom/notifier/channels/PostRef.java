package dev.newsroom.notifier.channels;

import org.jspecify.annotations.Nullable;

/**
 * A post a channel made earlier, as the ledger recorded it: what a correction edits or
 * replies to, and what a retraction deletes.
 *
 * @param externalId the platform's id of the post
 * @param externalUrl its public URL, if known
 */
public record PostRef(String externalId, @Nullable String externalUrl) {

}
