package dev.newsroom.viewcounter.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the site's pages call the beacon and read counts from the browser (CORS, with the
 * visitor cookie), and provides the clock that stamps views.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final ViewCounterProperties properties;

	WebConfiguration(ViewCounterProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		String[] origins = this.properties.allowedOrigins().toArray(String[]::new);
		registry.addMapping("/api/views").allowedOrigins(origins).allowedMethods("POST", "GET").allowCredentials(true);
		registry.addMapping("/api/articles/*/views").allowedOrigins(origins).allowedMethods("GET");
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
