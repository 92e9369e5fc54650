package dev.newsroom.feeds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The feeds service: the public server-sent event stream of articles.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FeedsApplication {

	public static void main(String[] args) {
		SpringApplication.run(FeedsApplication.class, args);
	}

}
