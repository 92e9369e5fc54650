package dev.newsroom.viewcounter.ingest;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Limits how many beacons one visitor, and one IP address, may send per minute (token
 * buckets, Bucket4j). The buckets live in a cache of bounded size whose entries expire
 * when idle, so a flood of new visitors cannot grow the limiter's state without bound.
 */
final class BeaconRateLimiter {

	private final Cache<String, Bucket> visitors;

	private final Cache<String, Bucket> addresses;

	private final long perVisitor;

	private final long perAddress;

	/**
	 * @param perVisitor beacons one visitor may send per minute
	 * @param perAddress beacons one IP address may send per minute (many readers may
	 * share one, behind a NAT)
	 * @param maxTracked the most visitors and addresses tracked at once, each
	 */
	BeaconRateLimiter(long perVisitor, long perAddress, long maxTracked) {
		this.perVisitor = perVisitor;
		this.perAddress = perAddress;
		this.visitors = Caffeine.newBuilder().maximumSize(maxTracked).expireAfterAccess(Duration.ofMinutes(2)).build();
		this.addresses = Caffeine.newBuilder().maximumSize(maxTracked).expireAfterAccess(Duration.ofMinutes(2)).build();
	}

	/**
	 * Takes one beacon from the visitor's and the address's allowance.
	 * @param visitorId the visitor
	 * @param address the IP address
	 * @return whether the beacon is within both limits
	 */
	boolean tryAcquire(String visitorId, String address) {
		Bucket visitor = this.visitors.get(visitorId, (key) -> perMinute(this.perVisitor));
		Bucket byAddress = this.addresses.get(address, (key) -> perMinute(this.perAddress));
		return visitor.tryConsume(1) && byAddress.tryConsume(1);
	}

	/**
	 * @return how many visitors and addresses are tracked now, for tests and metrics
	 */
	long tracked() {
		this.visitors.cleanUp();
		this.addresses.cleanUp();
		return this.visitors.estimatedSize() + this.addresses.estimatedSize();
	}

	private static Bucket perMinute(long limit) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)).build())
			.build();
	}

}
