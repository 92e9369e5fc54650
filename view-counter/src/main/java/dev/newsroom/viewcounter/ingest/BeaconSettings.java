package dev.newsroom.viewcounter.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the beacon, under {@code newsroom.view-counter.beacon}.
 *
 * @param site the site whose views are counted, part of the cookie-less visitor hash
 * @param visitorSecret the secret each day's visitor salt is derived from; the same on
 * every instance ({@code NEWSROOM_VISITOR_SECRET}). Empty: a random one per process,
 * which is right for one instance only
 * @param perVisitorPerMinute beacons one visitor may send per minute before 429
 * @param perAddressPerMinute beacons one IP address may send per minute before 429
 * @param trackedClients the most visitors and addresses the limiter tracks at once
 * @param maxBodyBytes the largest beacon body; larger ones get 413 before they are read
 * @param classifierCacheSize how many User-Agents the classifier remembers
 */
@Validated
@ConfigurationProperties("newsroom.view-counter.beacon")
public record BeaconSettings(@NotNull @DefaultValue("http://localhost:8080") String site,
		@NotNull @DefaultValue("") String visitorSecret, @Min(1) @DefaultValue("30") long perVisitorPerMinute,
		@Min(1) @DefaultValue("600") long perAddressPerMinute, @Min(1) @DefaultValue("100000") long trackedClients,
		@Min(64) @DefaultValue("4096") long maxBodyBytes, @Min(0) @DefaultValue("10000") int classifierCacheSize) {

}
