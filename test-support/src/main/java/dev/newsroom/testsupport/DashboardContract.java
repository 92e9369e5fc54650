package dev.newsroom.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard ({@value #LOCATION}) and the Prometheus alert rules
 * ({@value #ALERTS}) in the repository, and the check that every metric they query
 * exists: each service's tests scrape its {@code /actuator/prometheus} and check the
 * metrics taken from that service, told by their names' prefixes.
 */
public final class DashboardContract {

	/** The dashboard, from the repository's root. */
	public static final String LOCATION = "deploy/grafana/dashboards/newsroom.json";

	/** The alert rules, from the repository's root. */
	public static final String ALERTS = "deploy/prometheus/alerts.yml";

	private static final Pattern METRIC = Pattern.compile("\\b((?:newsroom|kafka|jvm)_[a-z0-9_]+)\\b");

	/** Which service exposes the metrics whose names start so. */
	private static final Map<String, Set<String>> SERVICES_BY_PREFIX = prefixes();

	private final Map<String, String> metricsByPlace;

	private DashboardContract(Map<String, String> metricsByPlace) {
		this.metricsByPlace = metricsByPlace;
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
				queried(target.path("expr").asString(""), "panel '" + panel.path("title").asString() + "'", metrics);
			}
		}
		for (Map<String, Object> rule : alertRules()) {
			queried(String.valueOf(rule.get("expr")), "alert '" + rule.get("alert") + "'", metrics);
		}
		return new DashboardContract(metrics);
	}

	/**
	 * @return every rule of every group of the alert rules, as written
	 */
	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> alertRules() {
		Path file = Path.of("..").resolve(ALERTS);
		Map<String, Object> document;
		try {
			document = new Yaml().load(Files.readString(file));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the alert rules " + file.toAbsolutePath(), ex);
		}
		return ((List<Map<String, Object>>) document.get("groups")).stream()
			.flatMap((group) -> ((List<Map<String, Object>>) group.get("rules")).stream())
			.toList();
	}

	private static void queried(String expression, String where, Map<String, String> metrics) {
		Matcher metric = METRIC.matcher(expression);
		while (metric.find()) {
			metrics.put(metric.group(1), where);
		}
	}

	/**
	 * @return every metric a panel or an alert queries, with where it is queried
	 */
	public Map<String, String> metrics() {
		return this.metricsByPlace;
	}

	/**
	 * Checks that a service's scrape has every metric the dashboard and the alerts take
	 * from it, and that every metric they query belongs to a known service.
	 * @param service {@code publisher}, {@code view-counter}, {@code notifier} or
	 * {@code feeds}
	 * @param scrape what the service's {@code /actuator/prometheus} answered
	 */
	public void assertScraped(String service, String scrape) {
		assertThat(this.metricsByPlace).as("metrics of the dashboard %s", LOCATION).isNotEmpty();
		Set<String> exposed = new TreeSet<>();
		scrape.lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.forEach((line) -> exposed.add(line.split("[{ ]", 2)[0]));
		this.metricsByPlace.forEach((metric, place) -> {
			Set<String> services = servicesOf(metric);
			assertThat(services).as("the service of metric %s (%s)", metric, place).isNotEmpty();
			if (services.contains(service)) {
				assertThat(exposed).as("%s exposes %s, which the %s queries", service, metric, place).contains(metric);
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
		prefixes.put("jvm_", Set.of("publisher", "view-counter", "notifier", "feeds"));
		return prefixes;
	}

}
