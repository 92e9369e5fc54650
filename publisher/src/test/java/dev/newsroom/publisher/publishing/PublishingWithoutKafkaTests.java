package dev.newsroom.publisher.publishing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.newsroom.publisher.security.Role;
import dev.newsroom.publisher.security.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no broker to acknowledge it, a publish is answered 503 with a problem that names
 * the article, not 201 and not 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=localhost:9", "spring.kafka.admin.fail-fast=false",
				"spring.kafka.admin.auto-create=false", "spring.kafka.producer.properties.max.block.ms=300",
				"spring.kafka.properties.schema.registry.url=http://localhost:9",
				"newsroom.publisher.command-timeout=2s" })
class PublishingWithoutKafkaTests {

	static final TestAccounts accounts = TestAccounts.create().add("leyla", Role.EDITOR);

	private final int port;

	PublishingWithoutKafkaTests(@LocalServerPort int port) {
		this.port = port;
	}

	@DynamicPropertySource
	static void accounts(DynamicPropertyRegistry registry) {
		accounts.register(registry);
	}

	@Test
	void unacknowledgedPublishIsA503ProblemNamingTheArticle() throws Exception {
		String article = """
				{"edition":"en","section":"politics","slug":"no-broker","title":"T","lead":"L","body":"<p>B</p>"}
				""";
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/articles"))
				.header("Content-Type", "application/json")
				.header("Authorization", accounts.basic("leyla"))
				.POST(BodyPublishers.ofString(article))
				.build(), BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JsonMapper.builder().build().readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://newsroom.dev/problems/not-applied");
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(problem.path("articleId").asString()).isNotBlank();
	}

}
