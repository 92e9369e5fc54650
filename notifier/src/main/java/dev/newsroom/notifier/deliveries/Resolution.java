package dev.newsroom.notifier.deliveries;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST .../deliveries/{id}/resolve}.
 *
 * @param outcome what the editor found on the platform
 * @param postUrl for {@code POSTED}: the post's public link
 * @param externalId for {@code POSTED}: the platform's id of the post, when the link does
 * not carry it
 */
record Resolution(Outcome outcome, @Nullable URI postUrl, @Nullable String externalId) {

	Resolution {
		if (outcome == null) {
			throw new IllegalArgumentException("outcome must be POSTED or NOT_POSTED");
		}
		if (postUrl != null && !"https".equals(postUrl.getScheme())) {
			throw new IllegalArgumentException("postUrl must be an https link to the post, not '" + postUrl + "'");
		}
	}

	/** What the editor found. */
	enum Outcome {

		/** The post is there: record it as delivered, with its link. */
		POSTED,

		/** The post is not there: post it. */
		NOT_POSTED

	}

}
