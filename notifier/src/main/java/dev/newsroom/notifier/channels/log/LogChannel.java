package dev.newsroom.notifier.channels.log;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsroom.notifier.channels.Channel;
import dev.newsroom.notifier.channels.DeliveryReceipt;
import dev.newsroom.notifier.channels.Platform;
import dev.newsroom.notifier.channels.Post;
import dev.newsroom.notifier.channels.PostPreview;
import dev.newsroom.notifier.channels.PostRef;

/**
 * Writes each delivery to the log, so that a newcomer running the pipeline without any
 * platform credentials sees the fan-out, corrections and retractions included.
 */
public class LogChannel implements Channel {

	private static final Logger logger = LoggerFactory.getLogger(LogChannel.class);

	private final String name;

	public LogChannel(String name) {
		this.name = name;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Platform platform() {
		return Platform.LOG;
	}

	@Override
	public String target() {
		return "notifier-log";
	}

	@Override
	public DeliveryReceipt post(Post post, String deliveryId) {
		logger.info("Announcing{} [{}/{}] \"{}\" {} ({})", post.breaking() ? " BREAKING" : "", post.edition(),
				post.section(), post.title(), post.url(), deliveryId);
		return DeliveryReceipt.of(deliveryId, null);
	}

	@Override
	public PostPreview preview(Post post) {
		if (post.correctionNote() != null) {
			String line = "Correcting [" + post.edition() + "/" + post.section() + "] \"" + post.title() + "\": "
					+ post.correctionNote();
			return PostPreview.of(post, line, line.length(), 0, "characters in the notifier's log",
					EnumSet.of(PostPreview.Field.TITLE, PostPreview.Field.CORRECTION_NOTE));
		}
		String line = (post.breaking() ? "BREAKING " : "") + post.title() + " " + post.url();
		return PostPreview.of(post, line, line.length(), 0, "characters in the notifier's log",
				EnumSet.of(PostPreview.Field.TITLE));
	}

	@Override
	public DeliveryReceipt correct(Post post, PostRef original, String deliveryId) {
		logger.info("Correcting [{}/{}] \"{}\": {} ({})", post.edition(), post.section(), post.title(),
				post.correctionNote(), deliveryId);
		return DeliveryReceipt.of(original.externalId(), null);
	}

	@Override
	public DeliveryReceipt remove(Post post, PostRef original, String deliveryId) {
		logger.info("Retracting [{}/{}] \"{}\": {} ({})", post.edition(), post.section(), post.title(),
				post.retractionReason(), deliveryId);
		return DeliveryReceipt.of(original.externalId(), null);
	}

}
