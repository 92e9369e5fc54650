package dev.newsroom.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.newsroom.testsupport.DashboardContract;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules are complete and loaded: each service's tests check, through
 * {@link DashboardContract}, that the metrics they query exist.
 */
class AlertRulesTests {

	@Test
	@SuppressWarnings("unchecked")
	void everyRuleHasANameAnExpressionADurationASeverityAndTellsWhatToDo() {
		List<Map<String, Object>> rules = DashboardContract.alertRules();
		assertThat(rules).extracting((rule) -> rule.get("alert")).contains("NewsroomHeapNearlyFull");
		for (Map<String, Object> rule : rules) {
			assertThat(rule).as("rule %s", rule.get("alert"))
				.containsKeys("alert", "expr", "for", "labels", "annotations");
			assertThat((Map<String, Object>) rule.get("labels")).containsKey("severity");
			assertThat((Map<String, Object>) rule.get("annotations")).containsKeys("summary", "description");
		}
	}

	@Test
	void theHeapAlertQueriesJvmMetricsThatEveryServiceIsCheckedFor() {
		assertThat(DashboardContract.load().metrics())
			.containsEntry("jvm_gc_live_data_size_bytes", "alert 'NewsroomHeapNearlyFull'")
			.containsEntry("jvm_gc_max_data_size_bytes", "alert 'NewsroomHeapNearlyFull'");
	}

	@Test
	void prometheusInTheComposeFileLoadsTheRules() throws IOException {
		Map<String, Object> prometheus = new Yaml()
			.load(Files.readString(Path.of("../deploy/prometheus/prometheus.yml")));
		assertThat(prometheus).containsEntry("rule_files", List.of("alerts.yml"));
		assertThat(Files.readString(Path.of("../docker-compose.yml")))
			.contains("./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
	}

}
