package dev.newsroom.viewcounter.counting;

import java.time.Duration;
import java.util.function.Function;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import dev.newsroom.events.view.PageView;

/**
 * Lets a page view through only if no view with the same identity was let through within
 * the window around it, and remembers it. The identity is, say, the view id, or the
 * article and the visitor. The window store's retention bounds what is remembered; it is
 * changelogged, so that the rule holds across restarts and with exactly-once processing.
 */
final class OncePerWindow implements FixedKeyProcessor<String, PageView, PageView> {

	private final String storeName;

	private final Function<PageView, String> identity;

	private final long windowMillis;

	private final DropReason reason;

	private final ViewDrops drops;

	private FixedKeyProcessorContext<String, PageView> context;

	private WindowStore<String, Long> seen;

	OncePerWindow(String storeName, Function<PageView, String> identity, Duration window, DropReason reason,
			ViewDrops drops) {
		this.storeName = storeName;
		this.identity = identity;
		this.windowMillis = window.toMillis();
		this.reason = reason;
		this.drops = drops;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, PageView> context) {
		this.context = context;
		this.seen = context.getStateStore(this.storeName);
	}

	@Override
	public void process(FixedKeyRecord<String, PageView> record) {
		String key = this.identity.apply(record.value());
		long at = record.value().getViewedAt().toEpochMilli();
		// A window on both sides: views may arrive out of order.
		try (WindowStoreIterator<Long> earlier = this.seen.fetch(key, at - this.windowMillis + 1,
				at + this.windowMillis - 1)) {
			if (earlier.hasNext()) {
				this.drops.dropped(this.reason, record.key());
				return;
			}
		}
		this.seen.put(key, at, at);
		this.context.forward(record);
	}

}
