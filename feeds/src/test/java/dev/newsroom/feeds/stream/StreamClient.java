package dev.newsroom.feeds.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client of the event stream, as a downstream reader would write one: it reads the
 * events as they come and remembers the last id it was sent.
 */
final class StreamClient implements AutoCloseable {

	static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
	};

	private final List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();

	private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

	private volatile boolean ended;

	private final Disposable subscription;

	private StreamClient(WebClient web, String pathAndQuery, @Nullable String lastEventId) {
		this.subscription = web.get().uri(pathAndQuery).accept(MediaType.TEXT_EVENT_STREAM).headers((headers) -> {
			if (lastEventId != null) {
				headers.set("Last-Event-ID", lastEventId);
			}
		}).retrieve().bodyToFlux(EVENTS).subscribe(this.received::add, (ex) -> {
			this.failure.set(ex);
			this.ended = true;
		}, () -> this.ended = true);
	}

	/**
	 * Connects, and waits for the stream's opening comment.
	 * @param web a client of the feeds service
	 * @param pathAndQuery such as {@code /v1/stream/articles?section=politics}
	 * @param lastEventId the id to resume after, if any
	 * @return the connected client
	 */
	static StreamClient connect(WebClient web, String pathAndQuery, @Nullable String lastEventId) {
		StreamClient client = new StreamClient(web, pathAndQuery, lastEventId);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(client.failure.get()).as("stream failure").isNull();
			assertThat(client.received).as("the opening comment").isNotEmpty();
		});
		return client;
	}

	/**
	 * @return the events with data received so far, in order
	 */
	List<ServerSentEvent<String>> events() {
		return this.received.stream().filter((event) -> event.data() != null).toList();
	}

	/**
	 * @return the id of the last event received, the one to resume after
	 */
	String lastId() {
		return this.received.stream()
			.map(ServerSentEvent::id)
			.filter((id) -> id != null)
			.reduce((first, second) -> second)
			.orElseThrow();
	}

	/**
	 * @return whether the server ended the stream
	 */
	boolean ended() {
		return this.ended;
	}

	@Override
	public void close() {
		this.subscription.dispose();
	}

}
