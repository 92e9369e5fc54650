package dev.newsroom.bench.harness;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BenchmarkOptionsTests {

	private static final LoadPlan DEFAULTS = new LoadPlan(100, Duration.ofSeconds(10), Duration.ofSeconds(60));

	@Test
	void givenOptionsOverrideDefaults() {
		BenchmarkOptions options = parse("--url=http://127.0.0.1:9000/", "--rate=2.5", "--duration=90s");
		assertThat(options.httpUrl("url", "http://localhost:8082")).isEqualTo(URI.create("http://127.0.0.1:9000"));
		assertThat(options.string("user", "admin")).isEqualTo("admin");
		assertThat(options.string("password")).isEmpty();
		assertThat(LoadPlan.from(options, DEFAULTS))
			.isEqualTo(new LoadPlan(2.5, Duration.ofSeconds(10), Duration.ofSeconds(90)));
	}

	@Test
	void secondsMayBeFractionalOrZero() {
		assertThat(parse("--warmup=0.25").seconds("warmup", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
		assertThat(parse("--warmup=0").seconds("warmup", Duration.ofSeconds(10))).isZero();
	}

	@Test
	void unknownOptionIsRefusedNamingTheKnownOnes() {
		assertThatExceptionOfType(BenchmarkException.class).isThrownBy(() -> parse("--duraton=60"))
			.withMessage("Unknown option --duraton. The options are --url=…, --user=…, --password=…, --rate=…, "
					+ "--duration=…, --warmup=….");
	}

	@Test
	void argumentsMustBeWrittenAsNameEqualsValue() {
		assertThatExceptionOfType(BenchmarkException.class).isThrownBy(() -> parse("--rate", "100"))
			.withMessageStartingWith("Cannot read argument '--rate': write options as --name=value.");
	}

	@Test
	void anOptionGivenTwiceIsRefused() {
		assertThatExceptionOfType(BenchmarkException.class).isThrownBy(() -> parse("--rate=1", "--rate=2"))
			.withMessage("Option --rate is given twice; give it once.");
	}

	@Test
	void invalidValuesAreRefusedNamingTheOption() {
		assertThatExceptionOfType(BenchmarkException.class)
			.isThrownBy(() -> parse("--rate=0").positiveNumber("rate", 100))
			.withMessage("--rate=0 is not a number greater than zero; give one such as 100 or 2.5.");
		assertThatExceptionOfType(BenchmarkException.class)
			.isThrownBy(() -> parse("--rate=NaN").positiveNumber("rate", 100));
		assertThatExceptionOfType(BenchmarkException.class)
			.isThrownBy(() -> parse("--duration=1m").seconds("duration", Duration.ZERO))
			.withMessage("--duration=1m is not a number of seconds; give one such as 60, 60s or 0.5.");
		assertThatExceptionOfType(BenchmarkException.class)
			.isThrownBy(() -> parse("--duration=-1").seconds("duration", Duration.ZERO));
		assertThatExceptionOfType(BenchmarkException.class)
			.isThrownBy(() -> parse("--url=localhost:8082").httpUrl("url", "http://localhost:8082"))
			.withMessageContaining("is not an absolute http or https URL");
	}

	@Test
	void aMeasuredDurationOfZeroIsRefused() {
		assertThatExceptionOfType(BenchmarkException.class)
			.isThrownBy(() -> LoadPlan.from(parse("--duration=0"), DEFAULTS))
			.withMessageStartingWith("The measured duration must be longer than zero");
	}

	private static BenchmarkOptions parse(String... args) {
		return BenchmarkOptions.parse(args, "url", "user", "password", LoadPlan.RATE, LoadPlan.DURATION,
				LoadPlan.WARMUP);
	}

}
