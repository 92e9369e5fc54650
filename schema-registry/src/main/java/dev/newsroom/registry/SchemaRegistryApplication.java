package dev.newsroom.registry;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The schema registry service. Its configuration file is {@code schema-registry.yml}
 * rather than {@code application.yml}, so that this jar can sit on another service's
 * classpath (to start a registry in that service's tests) without shadowing that
 * service's own configuration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SchemaRegistryApplication {

	/**
	 * The value of {@code spring.config.name} that the registry runs with.
	 */
	public static final String CONFIG_NAME = "schema-registry";

	public static void main(String[] args) {
		new SpringApplicationBuilder(SchemaRegistryApplication.class).properties("spring.config.name=" + CONFIG_NAME)
			.run(args);
	}

	/**
	 * A builder for running the registry inside another program, typically a test, for
	 * example {@code builder().properties("server.port=0",
	 * "spring.kafka.bootstrap-servers=" + brokers).run()}. It already carries
	 * {@code spring.config.name=schema-registry}. Unlike with a plain
	 * {@link SpringApplicationBuilder}, properties given to its
	 * {@link SpringApplicationBuilder#properties(String...) properties} methods take
	 * precedence over {@code schema-registry.yml}, so that {@code server.port=0} wins
	 * over the file's 8081.
	 * @return a builder for the registry application
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(SchemaRegistryApplication.class)
			.properties("spring.config.name=" + CONFIG_NAME)
			.listeners(new BuilderPropertiesTakePrecedence());
	}

	/**
	 * Copies the builder's default properties (the lowest-precedence property source)
	 * into a property source of the highest precedence, once the configuration files are
	 * loaded.
	 */
	private static final class BuilderPropertiesTakePrecedence
			implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		private static final String SOURCE_NAME = "schemaRegistryBuilderProperties";

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			ConfigurableEnvironment environment = event.getEnvironment();
			PropertySource<?> defaults = environment.getPropertySources().get("defaultProperties");
			if (defaults instanceof MapPropertySource map && !environment.getPropertySources().contains(SOURCE_NAME)) {
				Map<String, Object> copy = new HashMap<>(map.getSource());
				environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, copy));
			}
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
