package dev.newsroom.feeds.stream;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.newsroom.schemas.Topics;

/**
 * The event stream's settings, {@code newsroom.feeds.stream.*}.
 *
 * @param topic the topic streamed, every change of every article, kept forever
 * @param heartbeat how often an idle stream gets a comment line, so that proxies and load
 * balancers do not close it (most close after 60 s of silence)
 * @param clientBacklog how many events may wait for one client: a client that falls this
 * far behind is disconnected, and resumes with its last event id when it is ready
 * @param maxCatchUps how many clients at once may read the past (a resume, or
 * {@code since}) with a Kafka consumer of their own; others wait for a turn
 */
@Validated
@ConfigurationProperties("newsroom.feeds.stream")
record StreamSettings(@DefaultValue(Topics.ARTICLE_CHANGES) @NotBlank String topic,
		@DefaultValue("15s") @NotNull Duration heartbeat,
		@DefaultValue("1000") @Min(16) @Max(100_000) int clientBacklog,
		@DefaultValue("8") @Min(1) @Max(256) int maxCatchUps) {

}
