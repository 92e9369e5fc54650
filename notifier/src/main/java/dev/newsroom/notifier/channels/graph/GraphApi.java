package dev.newsroom.notifier.channels.graph;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.newsroom.notifier.channels.ChannelException;
import dev.newsroom.notifier.channels.PlatformHttp;

/**
 * Calls Meta's Graph API, which Facebook Pages and Instagram professional accounts share,
 * and reads its error contract: {@code {"error": {"message", "type", "code",
 * "error_subcode", "fbtrace_id"}}}. Code 190 (invalid or expired token), 102, 10 and the
 * 200–299 permission codes pause the channel; 4, 17, 32 and 613 are rate limits, waited
 * out for the time the {@code X-Business-Use-Case-Usage} header estimates; 1, 2 and HTTP
 * 5xx are transient. The token goes in the {@code Authorization} header, never in a URL.
 */
public final class GraphApi {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 613);

	private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofMinutes(10);

	private final String platform;

	private final RestClient http;

	private final String accessToken;

	public GraphApi(String platform, RestClient http, String accessToken) {
		this.platform = platform;
		this.http = http;
		this.accessToken = accessToken;
	}

	/**
	 * @param method the HTTP method
	 * @param path the path with its variables as {@code {}} placeholders
	 * @param form form parameters, for POST
	 * @param variables the path's variables
	 * @return the answer's JSON
	 * @throws ChannelException if the Graph API refused or could not be reached
	 */
	public JsonNode call(HttpMethod method, String path, Map<String, String> form, Object... variables) {
		MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
		form.forEach(body::add);
		Answer answer = PlatformHttp.call(this.platform, () -> {
			RestClient.RequestBodySpec request = this.http.method(method)
				.uri(path, variables)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.accessToken);
			if (!body.isEmpty()) {
				request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body);
			}
			return request.exchange((req, res) -> {
				String text = res.bodyTo(String.class);
				return new Answer(res.getStatusCode().value(), (text != null) ? text : "",
						res.getHeaders().getFirst("X-Business-Use-Case-Usage"));
			}, true);
		});
		JsonNode parsed;
		try {
			parsed = json.readTree(answer.body());
		}
		catch (RuntimeException ex) {
			parsed = null;
		}
		if (answer.status() >= 200 && answer.status() < 300) {
			if (parsed == null || !parsed.isObject()) {
				throw ChannelException.outcomeUnknown(this.platform + " answered " + method + " " + path + " with HTTP "
						+ answer.status() + " and a body that is not the Graph API's JSON");
			}
			return parsed;
		}
		Error error = null;
		if (parsed != null && parsed.has("error")) {
			try {
				error = json.treeToValue(parsed.get("error"), Error.class);
			}
			catch (RuntimeException ex) {
				// An error body of another shape: fall back to the status.
			}
		}
		throw failure(method + " " + path, answer, error);
	}

	private ChannelException failure(String request, Answer answer, @Nullable Error error) {
		if (error == null) {
			String message = this.platform + " refused " + request + ": HTTP " + answer.status();
			return (answer.status() >= 500) ? ChannelException.transientFailure(message, null)
					: ChannelException.rejected(message);
		}
		int code = error.code();
		String message = this.platform + " refused " + request + ": error " + code
				+ ((error.subcode() != null) ? "/" + error.subcode() : "") + " " + error.message();
		if (code == 190 || code == 102 || code == 10 || (code >= 200 && code <= 299)) {
			return ChannelException.credentialsRefused(message);
		}
		if (RATE_LIMITS.contains(code)) {
			Duration wait = regainAccess(answer.businessUseCaseUsage());
			return ChannelException.rateLimited(message, (wait != null) ? wait : DEFAULT_RATE_LIMIT_WAIT);
		}
		if (code == 1 || code == 2 || answer.status() >= 500 || Boolean.TRUE.equals(error.transientError())) {
			return ChannelException.transientFailure(message, null);
		}
		return ChannelException.rejected(message);
	}

	/**
	 * The longest {@code estimated_time_to_regain_access} (in minutes) in the
	 * {@code X-Business-Use-Case-Usage} header, which maps business ids to lists of usage
	 * objects.
	 */
	static @Nullable Duration regainAccess(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		long minutes = -1;
		try {
			for (JsonNode usages : json.readTree(header)) {
				for (JsonNode usage : usages) {
					minutes = Math.max(minutes, usage.path("estimated_time_to_regain_access").asLong(-1));
				}
			}
		}
		catch (RuntimeException ex) {
			return null;
		}
		return (minutes > 0) ? Duration.ofMinutes(minutes) : null;
	}

	private record Answer(int status, String body, @Nullable String businessUseCaseUsage) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Error(@Nullable String message, int code, @JsonProperty("error_subcode") @Nullable Integer subcode,
			@JsonProperty("is_transient") @Nullable Boolean transientError) {
	}

}
