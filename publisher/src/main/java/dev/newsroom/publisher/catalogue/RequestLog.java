package dev.newsroom.publisher.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests made with an {@code Idempotency-Key} and their answers, read from the
 * requests topic and forgotten after the retention time.
 */
public final class RequestLog {

	private final Map<String, RememberedRequest> requests = new ConcurrentHashMap<>();

	private final Duration retention;

	/**
	 * @param retention how long a key is remembered
	 */
	public RequestLog(Duration retention) {
		this.retention = retention;
	}

	/**
	 * @param request a request and its answer
	 */
	public void apply(RememberedRequest request) {
		this.requests.putIfAbsent(request.recordKey(), request);
	}

	/**
	 * @param principal who made the request
	 * @param key its {@code Idempotency-Key}
	 * @param now the current time
	 * @return the request remembered under that key, unless it has expired
	 */
	public Optional<RememberedRequest> find(String principal, String key, Instant now) {
		RememberedRequest request = this.requests.get(RememberedRequest.recordKey(principal, key));
		return Optional.ofNullable(request).filter((found) -> !expired(found, now));
	}

	/**
	 * Forgets the requests older than the retention time.
	 * @param now the current time
	 */
	public void purge(Instant now) {
		this.requests.values().removeIf((request) -> expired(request, now));
	}

	/**
	 * @return how many requests are remembered
	 */
	public int size() {
		return this.requests.size();
	}

	private boolean expired(RememberedRequest request, Instant now) {
		return request.at().plus(this.retention).isBefore(now);
	}

}
