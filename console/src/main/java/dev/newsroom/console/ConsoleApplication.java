package dev.newsroom.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The editors' console: a server-rendered web app in front of the publisher's, the view
 * counter's and the notifier's APIs. It keeps no data of its own; an editor signs in with
 * their publisher account, and every action is the API call it shows, checked again by
 * the service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConsoleApplication.class, args);
	}

}
