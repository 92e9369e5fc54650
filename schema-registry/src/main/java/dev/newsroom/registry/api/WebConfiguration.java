package dev.newsroom.registry.api;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the JSON converter read request bodies sent as {@code application/octet-stream}
 * (or with no content type), which Confluent's API accepts for ease of use.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConverters((converter) -> {
			if (converter instanceof JacksonJsonHttpMessageConverter json
					&& !json.getSupportedMediaTypes().contains(MediaType.APPLICATION_OCTET_STREAM)) {
				List<MediaType> types = new ArrayList<>(json.getSupportedMediaTypes());
				types.add(MediaType.APPLICATION_OCTET_STREAM);
				json.setSupportedMediaTypes(types);
			}
		});
	}

}
