package dev.newsroom.feeds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import dev.newsroom.testsupport.EmbeddedStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feeds service, started against the {@link EmbeddedStack}, ready (its topics found
 * and its catalogue read), with a client of its HTTP port. Close it to stop it; a test
 * that restarts it starts a new one. Two must not run at once: they share Reactor Netty's
 * resources, which the first to stop closes.
 *
 * @param context the application
 * @param web a client of its HTTP port
 */
public record RunningFeeds(ConfigurableApplicationContext context, WebClient web) implements AutoCloseable {

	private static final Duration READY = Duration.ofSeconds(60);

	/**
	 * @param settings more {@code --key=value} settings
	 * @return the service, once ready
	 */
	public static RunningFeeds start(String... settings) {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--spring.kafka.bootstrap-servers=" + EmbeddedStack.bootstrapServers(),
						"--spring.kafka.properties.schema.registry.url=" + EmbeddedStack.schemaRegistryUrl(),
						"--spring.main.banner-mode=off"));
		args.addAll(List.of(settings));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(FeedsApplication.class)
			.run(args.toArray(String[]::new));
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		WebClient web = WebClient.builder()
			.baseUrl("http://localhost:" + port)
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build();
		await().atMost(READY)
			.untilAsserted(() -> assertThat(web.get()
				.uri("/actuator/health/readiness")
				.exchangeToMono((response) -> Mono.just(response.statusCode().value()))
				.block(READY)).as("readiness").isEqualTo(200));
		return new RunningFeeds(context, web);
	}

	/**
	 * @return the HTTP port
	 */
	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
