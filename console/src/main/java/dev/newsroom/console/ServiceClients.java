package dev.newsroom.console;

import java.net.http.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP clients of the services the console shows, each with the configured timeout.
 */
@Configuration(proxyBeanMethods = false)
class ServiceClients {

	@Bean
	RestClient publisherClient(ConsoleSettings settings) {
		return client(settings, settings.publisherUrl().toString());
	}

	@Bean
	RestClient viewCounterClient(ConsoleSettings settings) {
		return client(settings, settings.viewCounterUrl().toString());
	}

	@Bean
	RestClient notifierClient(ConsoleSettings settings) {
		return client(settings, settings.notifierUrl().toString());
	}

	private static RestClient client(ConsoleSettings settings, String baseUrl) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(settings.timeout());
		return RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
	}

}
