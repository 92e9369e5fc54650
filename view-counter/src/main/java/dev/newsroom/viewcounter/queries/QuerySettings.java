package dev.newsroom.viewcounter.queries;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of count queries, under {@code newsroom.view-counter.queries}.
 *
 * @param advertisedHost the name other instances reach this one by
 * ({@code NEWSROOM_ADVERTISED_HOST}; in Kubernetes, the pod's DNS name); with the web
 * server's port it is the streams application's {@code application.server}
 * @param forwardTimeout how long to wait for the instance that owns a count
 */
@Validated
@ConfigurationProperties("newsroom.view-counter.queries")
public record QuerySettings(@NotBlank @DefaultValue("localhost") String advertisedHost,
		@NotNull @DefaultValue("2s") Duration forwardTimeout) {

}
