package dev.newsroom.viewcounter.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.view.TrafficClass;
import dev.newsroom.viewcounter.ingest.TrafficClassifier.BeaconHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficClassifierTests {

	private static TrafficClassifier classifier;

	@BeforeAll
	static void buildTheAnalyzerOnce() {
		classifier = new TrafficClassifier(100);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					Googlebot                | Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)                                                                 | BOT
					Googlebot smartphone     | Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) | BOT
					Bingbot                  | Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)                                                                 | BOT
					facebookexternalhit      | facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)                                                              | BOT
					curl                     | curl/8.5.0                                                                                                                              | BOT
					python-requests          | python-requests/2.31.0                                                                                                                  | BOT
					HeadlessChrome           | Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36                          | HEADLESS_BROWSER
					PhantomJS                | Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1                                  | HEADLESS_BROWSER
					Chrome on Windows        | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36                         | READER
					Safari on iPhone         | Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | READER
					Firefox on Linux         | Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0                                                                   | READER
					""")
	void userAgentsAreJudgedByAMaintainedClassifier(String name, String userAgent, TrafficClass expected) {
		assertThat(classifier.classify(new BeaconHeaders(userAgent, null, null, null, false))).isEqualTo(expected);
	}

	@Test
	void noUserAgentIsARobot() {
		assertThat(classifier.classify(new BeaconHeaders(null, null, null, null, false))).isEqualTo(TrafficClass.BOT);
		assertThat(classifier.classify(new BeaconHeaders(" ", null, null, null, false))).isEqualTo(TrafficClass.BOT);
	}

	@Test
	void prefetchesAndPrerendersAreNotViews() {
		String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
		assertThat(classifier.classify(new BeaconHeaders(chrome, "prefetch", null, null, false)))
			.isEqualTo(TrafficClass.PREFETCH);
		assertThat(classifier.classify(new BeaconHeaders(chrome, "prefetch;prerender", null, null, false)))
			.isEqualTo(TrafficClass.PREFETCH);
		assertThat(classifier.classify(new BeaconHeaders(chrome, null, "prefetch", null, false)))
			.isEqualTo(TrafficClass.PREFETCH);
		assertThat(classifier.classify(new BeaconHeaders(chrome, null, null, "prefetch", false)))
			.isEqualTo(TrafficClass.PREFETCH);
	}

	@Test
	void staffAreNotReadersWhateverTheirBrowser() {
		String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
		assertThat(classifier.classify(new BeaconHeaders(firefox, null, null, null, true)))
			.isEqualTo(TrafficClass.STAFF);
	}

}
