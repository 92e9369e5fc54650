package dev.newsroom.registry;

import java.time.Duration;

import dev.newsroom.registry.compatibility.CompatibilityLevel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The registry's own settings, under {@code newsroom.registry}. Kafka client settings are
 * Spring Boot's {@code spring.kafka.*} keys.
 *
 * @param topic the compacted topic that holds the registry's state
 * @param topicReplicationFactor the replication factor used when the registry creates the
 * topic; capped at the number of live brokers
 * @param initialReadTimeout how long startup may take to read the topic to the end offset
 * found at startup before the registry gives up
 * @param writeTimeout how long a change may take to be acknowledged by the brokers and
 * read back, before the request fails with error code 50002
 * @param defaultCompatibility the compatibility level that applies while no global level
 * has been set with {@code PUT /config}
 */
@Validated
@ConfigurationProperties(prefix = "newsroom.registry")
public record RegistryProperties(
		@DefaultValue("_schemas") @NotNull @Pattern(regexp = "[a-zA-Z0-9._-]{1,249}",
				message = "must be a legal Kafka topic name: 1 to 249 letters, digits, '.', '_' or '-'") String topic,
		@DefaultValue("3") @Min(1) @Max(Short.MAX_VALUE) int topicReplicationFactor,
		@DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration initialReadTimeout,
		@DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration writeTimeout,
		@DefaultValue("BACKWARD") @NotNull CompatibilityLevel defaultCompatibility) {

}
