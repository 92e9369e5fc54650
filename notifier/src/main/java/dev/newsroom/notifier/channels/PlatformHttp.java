package dev.newsroom.notifier.channels;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * What every HTTP channel shares: a client with connect and read timeouts, the line
 * between a request that never left (safe to send again) and one whose outcome is
 * unknown, and the platforms' ways of saying how long to wait.
 */
public final class PlatformHttp {

	private PlatformHttp() {
	}

	/**
	 * @param baseUrl the platform's base URL
	 * @param timeout how long connecting, and then answering, may each take
	 * @return a client for it, sending Newsroom's user agent
	 */
	public static RestClient client(URI baseUrl, Duration timeout) {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build());
		requestFactory.setReadTimeout(timeout);
		return RestClient.builder()
			.baseUrl(baseUrl.toString().replaceAll("/+$", ""))
			.requestFactory(requestFactory)
			.defaultHeader(HttpHeaders.USER_AGENT, "Newsroom-Notifier")
			.build();
	}

	/**
	 * Runs one call to a platform, turning a failure to talk to it into a
	 * {@link ChannelException}: one that could not connect is {@code TRANSIENT}, since
	 * nothing was sent; one that timed out or broke after sending is
	 * {@code OUTCOME_UNKNOWN}; an answer that cannot be read is {@code OUTCOME_UNKNOWN}
	 * too, since a platform may have acted before answering badly.
	 * @param <T> the call's result
	 * @param platform the platform's name, for messages
	 * @param call the call
	 * @return its result
	 */
	public static <T> T call(String platform, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ResourceAccessException ex) {
			Throwable cause = rootCause(ex);
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof HttpConnectTimeoutException) {
				throw ChannelException.transientFailure(platform + " could not be reached: " + describe(cause), null);
			}
			throw ChannelException.outcomeUnknown(platform + " did not answer in time, or the connection broke after "
					+ "the request was sent: " + describe(cause));
		}
		catch (RestClientException ex) {
			throw ChannelException
				.outcomeUnknown(platform + " answered something that cannot be read: " + describe(rootCause(ex)));
		}
	}

	/**
	 * Reads an HTTP {@code Retry-After} header: seconds, or an HTTP date.
	 * @param value the header's value, if present
	 * @param clock the clock
	 * @return how long to wait, if the header says
	 */
	public static @Nullable Duration retryAfter(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				return positive(Duration.between(clock.instant(), at));
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	/**
	 * Reads a reset header in epoch seconds, such as X's {@code x-rate-limit-reset} or
	 * {@code X-RateLimit-Reset}.
	 * @param value the header's value, if present
	 * @param clock the clock
	 * @return how long until the reset, if the header says
	 */
	public static @Nullable Duration untilEpochSeconds(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			Instant at = Instant.ofEpochSecond(Long.parseLong(value.strip()));
			return positive(Duration.between(clock.instant(), at));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Duration positive(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String describe(Throwable cause) {
		return (cause.getMessage() != null) ? cause.getClass().getSimpleName() + " (" + cause.getMessage() + ")"
				: cause.getClass().getSimpleName();
	}

}
