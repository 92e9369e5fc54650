package dev.newsroom.viewcounter.ingest;

import java.util.Locale;
import java.util.Set;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import org.jspecify.annotations.Nullable;

import dev.newsroom.events.view.TrafficClass;

/**
 * Judges who sent a beacon, from its headers, so that the topology counts only readers.
 * Robots are recognised by Yauaa, a maintained user-agent analyser (its agent and device
 * classes), not by a list kept here. The User-Agent itself is never stored: only the
 * class it was judged to be.
 * <ul>
 * <li>{@code STAFF}: the staff cookie that the editor console sets, or the staff
 * header;</li>
 * <li>{@code PREFETCH}: {@code Sec-Purpose} or {@code Purpose} naming prefetch or
 * prerender, or {@code X-Moz: prefetch};</li>
 * <li>{@code BOT}: no User-Agent, or one Yauaa classes as a robot, hacker, cloud
 * application or robot imitator;</li>
 * <li>{@code HEADLESS_BROWSER}: an automated browser (HeadlessChrome, PhantomJS,
 * Electron's headless shells);</li>
 * <li>{@code READER}: everything else.</li>
 * </ul>
 */
final class TrafficClassifier {

	/** Cookie that the editor console sets on the site for signed-in staff. */
	static final String STAFF_COOKIE = "nr_staff";

	/** Header that newsroom tools send instead of the cookie. */
	static final String STAFF_HEADER = "X-Newsroom-Staff";

	private static final Set<String> ROBOT_CLASSES = Set.of("Robot", "Robot Mobile", "Robot Imitator", "Hacker",
			"Cloud Application", "Special");

	private static final Set<String> HEADLESS_AGENTS = Set.of("headlesschrome", "phantomjs", "headless chrome");

	private final UserAgentAnalyzer analyzer;

	TrafficClassifier(int cacheSize) {
		this.analyzer = UserAgentAnalyzer.newBuilder()
			.withFields(UserAgent.AGENT_CLASS, UserAgent.DEVICE_CLASS, UserAgent.AGENT_NAME)
			.withCache(cacheSize)
			.hideMatcherLoadStats()
			.dropTests()
			.immediateInitialization()
			.build();
	}

	/**
	 * @param request what the beacon's request said about its sender
	 * @return the class of the sender
	 */
	TrafficClass classify(BeaconHeaders request) {
		if (request.staff()) {
			return TrafficClass.STAFF;
		}
		if (isPrefetch(request.secPurpose()) || isPrefetch(request.purpose()) || isPrefetch(request.xMoz())) {
			return TrafficClass.PREFETCH;
		}
		String userAgent = request.userAgent();
		if (userAgent == null || userAgent.isBlank()) {
			return TrafficClass.BOT;
		}
		String lowerCase = userAgent.toLowerCase(Locale.ROOT);
		if (HEADLESS_AGENTS.stream().anyMatch(lowerCase::contains)) {
			return TrafficClass.HEADLESS_BROWSER;
		}
		UserAgent.ImmutableUserAgent parsed = this.analyzer.parse(userAgent);
		if (ROBOT_CLASSES.contains(parsed.getValue(UserAgent.AGENT_CLASS))
				|| ROBOT_CLASSES.contains(parsed.getValue(UserAgent.DEVICE_CLASS))) {
			return TrafficClass.BOT;
		}
		return TrafficClass.READER;
	}

	private static boolean isPrefetch(@Nullable String header) {
		if (header == null) {
			return false;
		}
		String value = header.toLowerCase(Locale.ROOT);
		return value.contains("prefetch") || value.contains("prerender") || value.contains("preview");
	}

	/**
	 * The headers that decide a beacon's class.
	 *
	 * @param userAgent {@code User-Agent}
	 * @param secPurpose {@code Sec-Purpose}
	 * @param purpose {@code Purpose}
	 * @param xMoz {@code X-Moz}
	 * @param staff whether the staff cookie or header was present
	 */
	record BeaconHeaders(@Nullable String userAgent, @Nullable String secPurpose, @Nullable String purpose,
			@Nullable String xMoz, boolean staff) {
	}

}
