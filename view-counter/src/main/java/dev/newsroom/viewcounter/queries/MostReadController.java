package dev.newsroom.viewcounter.queries;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.newsroom.support.web.InvalidRequestException;
import dev.newsroom.viewcounter.counting.TrendingWindow;

/**
 * Most read per edition or section:
 * {@code GET /api/trending?edition=en&section=politics&window=1h&limit=10}.
 */
@RestController
class MostReadController {

	/** The longest list served, which is as many as the topology keeps. */
	static final int MAX_LIMIT = 50;

	private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

	private final MostRead mostRead;

	MostReadController(MostRead mostRead) {
		this.mostRead = mostRead;
	}

	@GetMapping(path = "/api/trending", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<MostRead.Trending> trending(
			@RequestParam @Pattern(regexp = "[a-z0-9-]{1,32}",
					message = "must be an edition, such as en") String edition,
			@RequestParam(required = false) @Nullable @Pattern(regexp = "[a-z0-9-]{1,64}",
					message = "must be a section, such as politics") String section,
			@RequestParam(defaultValue = "1h") String window,
			@RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit,
			@RequestHeader(name = StoreOwners.FORWARDED_HEADER, required = false) boolean forwarded) {
		TrendingWindow trendingWindow;
		try {
			trendingWindow = TrendingWindow.fromLabel(window);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("window", ex.getMessage());
		}
		return ResponseEntity.ok()
			.cacheControl(CACHING)
			.body(this.mostRead.read(edition, section, trendingWindow, limit, forwarded));
	}

}
