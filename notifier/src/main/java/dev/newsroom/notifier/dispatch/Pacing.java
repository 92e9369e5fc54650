package dev.newsroom.notifier.dispatch;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.jspecify.annotations.Nullable;

import dev.newsroom.notifier.routing.ChannelSettings;

/**
 * A channel's pace: a token bucket (Bucket4j) that refills the channel's limit evenly
 * over its period, so that 20 a minute means one every 3 seconds after a first burst of
 * up to the limit.
 */
final class Pacing {

	private final @Nullable Bucket bucket;

	Pacing(ChannelSettings.@Nullable Pacing pace, TimeMeter time) {
		this.bucket = (pace == null) ? null
				: Bucket.builder()
					.addLimit(Bandwidth.builder().capacity(pace.limit()).refillGreedy(pace.limit(), pace.per()).build())
					.withCustomTimePrecision(time)
					.build();
	}

	/**
	 * Takes a token if one is there.
	 * @return {@link Duration#ZERO} if taken, else how long until one is
	 */
	Duration take() {
		if (this.bucket == null) {
			return Duration.ZERO;
		}
		ConsumptionProbe probe = this.bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

}
