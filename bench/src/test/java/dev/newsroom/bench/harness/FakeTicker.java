package dev.newsroom.bench.harness;

/**
 * A ticker that moves only when waited on or told to, so that a run takes no real time.
 */
final class FakeTicker implements Ticker {

	private long now;

	FakeTicker(long now) {
		this.now = now;
	}

	@Override
	public long nanoTime() {
		return this.now;
	}

	@Override
	public void parkUntil(long nanoTime) {
		this.now = Math.max(this.now, nanoTime);
	}

	void advance(long nanos) {
		this.now += nanos;
	}

}
