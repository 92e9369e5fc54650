package dev.newsroom.viewcounter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The view counter: records readers' page views from a beacon and counts them per article
 * with Kafka Streams.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ViewCounterApplication {

	public static void main(String[] args) {
		SpringApplication.run(ViewCounterApplication.class, args);
	}

}
