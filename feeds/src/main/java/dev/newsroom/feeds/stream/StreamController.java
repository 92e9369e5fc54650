package dev.newsroom.feeds.stream;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /v1/stream/articles}: the public event stream, open to anyone. Query
 * parameters: {@code edition} and {@code section} (each repeatable or comma-separated),
 * and {@code since}; header {@code Last-Event-ID}.
 */
@RestController
class StreamController {

	private static final Logger logger = LoggerFactory.getLogger(StreamController.class);

	private final ArticleStream stream;

	StreamController(ArticleStream stream) {
		this.stream = stream;
	}

	// No "produces": a refused request is answered as problem+json, whatever it accepts.
	@GetMapping("/v1/stream/articles")
	Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> articles(
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable List<String> edition,
			@RequestParam(required = false) @Nullable List<String> section, ServerWebExchange exchange) {
		StreamFilter filter = new StreamFilter(values(edition), values(section));
		return this.stream.open(lastEventId, since, filter)
			.map((events) -> events.onErrorResume(SlowClientException.class, (ex) -> disconnect(exchange)))
			.map((events) -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				// Tells nginx not to buffer the stream.
				.header("X-Accel-Buffering", "no")
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(events));
	}

	/**
	 * Closes a slow client's connection at once: ending its response normally would wait
	 * for writes it does not read, and failing it would log a stack trace for what is no
	 * fault of the service.
	 */
	private static Flux<ServerSentEvent<String>> disconnect(ServerWebExchange exchange) {
		logger.info("Disconnected a stream client that fell too far behind; it resumes from its last event id");
		if (exchange.getResponse() instanceof AbstractServerHttpResponse response
				&& response.getNativeResponse() instanceof HttpServerResponse netty) {
			netty.withConnection(Connection::dispose);
		}
		return Flux.empty();
	}

	private static Set<String> values(@Nullable List<String> parameters) {
		Set<String> values = new HashSet<>();
		if (parameters != null) {
			parameters.stream()
				.flatMap((parameter) -> List.of(parameter.split(",")).stream())
				.map(String::trim)
				.filter((value) -> !value.isEmpty())
				.forEach(values::add);
		}
		return values;
	}

}
