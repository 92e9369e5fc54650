package dev.newsroom.bench.harness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * How the harness writes numbers and durations for people: at most two decimals, no
 * trailing zeros.
 */
public final class Figures {

	private Figures() {
	}

	/**
	 * @param value a number
	 * @return it with at most two decimals and no trailing zeros
	 */
	public static String number(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	static String seconds(Duration duration) {
		return number(duration.toNanos() / 1e9) + " s";
	}

}
