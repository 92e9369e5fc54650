package dev.newsroom.publisher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The publisher: editors publish articles through its API, and every change becomes an
 * Avro event on the compacted articles topic.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PublisherApplication {

	public static void main(String[] args) {
		SpringApplication.run(PublisherApplication.class, args);
	}

}
