package dev.newsroom.notifier.channels;

import java.net.URI;
import java.util.Optional;

/**
 * A place where the site announces its articles: one Telegram channel, one X account, one
 * webhook. The delivery engine calls one channel from one thread at a time, and only for
 * deliveries it owns; a channel only talks to its platform and says what happened, as a
 * receipt or a {@link ChannelException}.
 */
public interface Channel {

	/**
	 * @return the configured name, such as {@code telegram-en}
	 */
	String name();

	/**
	 * @return the platform
	 */
	Platform platform();

	/**
	 * @return where on the platform posts go, such as a chat id; never a secret
	 */
	String target();

	/**
	 * Posts an article.
	 * @param post what to post
	 * @param deliveryId the delivery's id, stable across retries; platforms that take an
	 * idempotency key get it
	 * @return what the platform said
	 * @throws ChannelException if the platform did not take it
	 */
	DeliveryReceipt post(Post post, String deliveryId);

	/**
	 * Brings a correction to a post made earlier: edits it where the platform allows, or
	 * replies to it.
	 * @param post the corrected article, with its correction note
	 * @param original the post to correct
	 * @param deliveryId the delivery's id
	 * @return what the platform said
	 * @throws ChannelException if the platform did not take it, or cannot do it
	 */
	default DeliveryReceipt correct(Post post, PostRef original, String deliveryId) {
		throw ChannelException.notPossible(platform().displayName()
				+ " cannot edit a post through its API: add the correction to " + describe(original) + " by hand");
	}

	/**
	 * Deletes a post made earlier.
	 * @param post the retracted article, with the reason
	 * @param original the post to delete
	 * @param deliveryId the delivery's id
	 * @return what the platform said
	 * @throws ChannelException if the platform did not take it, or cannot do it
	 */
	default DeliveryReceipt remove(Post post, PostRef original, String deliveryId) {
		throw ChannelException.notPossible(platform().displayName() + " cannot delete a post through its API: remove "
				+ describe(original) + " by hand");
	}

	/**
	 * What this channel would post for the article, without calling the platform: the
	 * announcement, or for a post with a correction note the correction.
	 * @param post the article as it would be posted
	 * @return the text readers would see, measured as the platform measures it
	 */
	PostPreview preview(Post post);

	/**
	 * The platform's id of a post, read from its public link, for an editor who found an
	 * uncertain delivery posted after all.
	 * @param postUrl the post's link, as readers open it
	 * @return the id later corrections and retractions need, or empty if the link does
	 * not carry it
	 */
	default Optional<String> postIdFromUrl(URI postUrl) {
		return Optional.empty();
	}

	private static String describe(PostRef post) {
		return (post.externalUrl() != null) ? post.externalUrl() : "post " + post.externalId();
	}

}
