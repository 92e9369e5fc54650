package dev.newsroom.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard in the repository ({@value #LOCATION}) and the check that every
 * metric its panels query exists: each service's tests scrape its
 * {@code /actuator/prometheus} and check the metrics the dashboard takes from that
 * service, told by their names' prefixes.
 */
public final class DashboardContract {

	/** The dashboard, from the repository's root. */
	public static final String LOCATION = "deploy/grafana/dashboards/newsroom.json";

	private static final Pattern METRIC = Pattern.compile("\\b((?:newsroom|kafka)_[a-z0-9_]+)\\b");

	/** Which service exposes the metrics whose names start so. */
	private static final Map<String, Set<String>> SERVICES_BY_PREFIX = prefixes();

	private final Map<String, String> metricsByPanel;

	private DashboardContract(Map<String, String> metricsByPanel) {
		this.metricsByPanel = metricsByPanel;
	}

	/**
	 * @return the dashboard, read from the repository (a module's tests run one folder
	 * below its root)
	 */
	public static DashboardContract load() {
		Path file = Path.of("..").resolve(LOCATION);
		JsonNode dashboard;
		try {
			dashboard = JsonMapper.shared().readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the dashboard " + file.toAbsolutePath(), ex);
		}
		Map<String, String> metrics = new LinkedHashMap<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				Matcher metric = METRIC.matcher(target.path("expr").asString(""));
				while (metric.find()) {
					metrics.put(metric.group(1), panel.path("title").asString());
				}
			}
		}
		return new DashboardContract(metrics);
	}

	/**
	 * @return every metric a panel queries, with the panel's title
	 */
	public Map<String, String> metrics() {
		return this.metricsByPanel;
	}

	/**
	 * Checks that a service's scrape has every metric the dashboard takes from it, and
	 * that every metric of the dashboard belongs to a known service.
	 * @param service {@code publisher}, {@code view-counter}, {@code notifier} or
	 * {@code feeds}
	 * @param scrape what the service's {@code /actuator/prometheus} answered
	 */
	public void assertScraped(String service, String scrape) {
		assertThat(this.metricsByPanel).as("metrics of the dashboard %s", LOCATION).isNotEmpty();
		Set<String> exposed = new TreeSet<>();
		scrape.lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.forEach((line) -> exposed.add(line.split("[{ ]", 2)[0]));
		this.metricsByPanel.forEach((metric, panel) -> {
			Set<String> services = servicesOf(metric);
			assertThat(services).as("the service of metric %s (panel '%s')", metric, panel).isNotEmpty();
			if (services.contains(service)) {
				assertThat(exposed)
					.as("%s exposes %s, which the dashboard's panel '%s' queries", service, metric, panel)
					.contains(metric);
			}
		});
	}

	private static Set<String> servicesOf(String metric) {
		return SERVICES_BY_PREFIX.entrySet()
			.stream()
			.filter((prefix) -> metric.startsWith(prefix.getKey()))
			.findFirst()
			.map(Map.Entry::getValue)
			.orElse(Set.of());
	}

	private static Map<String, Set<String>> prefixes() {
		Map<String, Set<String>> prefixes = new LinkedHashMap<>();
		prefixes.put("newsroom_publisher_", Set.of("publisher"));
		prefixes.put("newsroom_views_", Set.of("view-counter"));
		prefixes.put("newsroom_beacon_", Set.of("view-counter"));
		prefixes.put("newsroom_notifier_", Set.of("notifier"));
		prefixes.put("newsroom_feeds_", Set.of("feeds"));
		prefixes.put("kafka_consumer_", Set.of("publisher", "view-counter", "notifier"));
		return prefixes;
	}

}
