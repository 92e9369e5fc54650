package dev.newsroom.bench.harness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * How the harness writes numbers and durations for people: at most two decimals, no
 * trailing zeros.
 */
final class Figures {

	private Figures() {
	}

	static String number(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	static String seconds(Duration duration) {
		return number(duration.toNanos() / 1e9) + " s";
	}

}
